"""Plain-torch GPT-2 and BERT-style models whose weights map 1:1 to HF GPT2LMHeadModel /
BertForMaskedLM and whose forward() is written so torch.onnx.export (opset 17) gives the
graph transformers.js expects."""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

NEG = torch.finfo(torch.float32).min


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class GPTBlock(nn.Module):
    def __init__(self, d, h, inner, eps):
        super().__init__()
        self.h, self.d = h, d
        self.ln_1 = nn.LayerNorm(d, eps=eps)
        self.c_attn = nn.Linear(d, 3 * d)
        self.c_proj = nn.Linear(d, d)
        self.ln_2 = nn.LayerNorm(d, eps=eps)
        self.c_fc = nn.Linear(d, inner)
        self.mlp_proj = nn.Linear(inner, d)

    def forward(self, x, allowed, past_k=None, past_v=None):
        B, S, _ = x.shape
        hd = self.d // self.h
        q, k, v = self.c_attn(self.ln_1(x)).split(self.d, dim=2)
        q = q.view(B, S, self.h, hd).transpose(1, 2)
        k = k.view(B, S, self.h, hd).transpose(1, 2)
        v = v.view(B, S, self.h, hd).transpose(1, 2)
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(hd))
        att = torch.where(allowed, att, torch.tensor(NEG, dtype=att.dtype))
        att = torch.softmax(att, dim=-1)
        y = torch.matmul(att, v).transpose(1, 2).reshape(B, S, self.d)
        x = x + self.c_proj(y)
        x = x + self.mlp_proj(gelu_new(self.c_fc(self.ln_2(x))))
        return x, k, v


class GPT(nn.Module):
    def __init__(self, vocab_size, n_positions=256, n_embd=192, n_layer=4, n_head=4, n_inner=None, eps=1e-5):
        super().__init__()
        self.cfg = dict(vocab_size=vocab_size, n_positions=n_positions, n_embd=n_embd, n_layer=n_layer,
                        n_head=n_head, n_inner=n_inner or 4 * n_embd, eps=eps)
        self.wte = nn.Embedding(vocab_size, n_embd)
        self.wpe = nn.Embedding(n_positions, n_embd)
        self.blocks = nn.ModuleList([GPTBlock(n_embd, n_head, n_inner or 4 * n_embd, eps) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd, eps=eps)
        self.apply(self._init)
        for b in self.blocks:  # GPT-2 scaled residual init
            nn.init.normal_(b.c_proj.weight, std=0.02 / math.sqrt(2 * n_layer))
            nn.init.normal_(b.mlp_proj.weight, std=0.02 / math.sqrt(2 * n_layer))

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=0.02); nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)

    def forward(self, input_ids, attention_mask=None, position_ids=None, past=None):
        """input_ids/position_ids [B,S]; attention_mask [B,P+S] (1 = real token);
        past: list of (k, v) each [B,H,P,hd] or None. Returns logits [B,S,V], presents."""
        B, S = input_ids.shape
        P = 0 if past is None else past[0][0].shape[2]
        if position_ids is None:
            position_ids = torch.arange(P, P + S, dtype=torch.long).unsqueeze(0).expand(B, S)
        x = self.wte(input_ids) + self.wpe(position_ids)
        T = P + S
        kpos = torch.arange(T, dtype=torch.long)
        qpos = torch.arange(S, dtype=torch.long) + (T - S)
        allowed = (kpos.unsqueeze(0) <= qpos.unsqueeze(1)).unsqueeze(0).unsqueeze(0)  # [1,1,S,T]
        if attention_mask is not None:
            allowed = allowed & (attention_mask[:, None, None, :] > 0)
        presents = []
        for i, blk in enumerate(self.blocks):
            pk, pv = (None, None) if past is None else past[i]
            x, k, v = blk(x, allowed, pk, pv)
            presents.append((k, v))
        x = self.ln_f(x)
        logits = torch.matmul(x, self.wte.weight.t())  # tied head
        return logits, presents


class BertLayer(nn.Module):
    def __init__(self, d, h, inner, eps):
        super().__init__()
        self.h, self.d = h, d
        self.query = nn.Linear(d, d); self.key = nn.Linear(d, d); self.value = nn.Linear(d, d)
        self.attn_out = nn.Linear(d, d); self.attn_ln = nn.LayerNorm(d, eps=eps)
        self.inter = nn.Linear(d, inner); self.out = nn.Linear(inner, d); self.out_ln = nn.LayerNorm(d, eps=eps)

    def forward(self, x, allowed):
        B, S, _ = x.shape
        hd = self.d // self.h
        q = self.query(x).view(B, S, self.h, hd).transpose(1, 2)
        k = self.key(x).view(B, S, self.h, hd).transpose(1, 2)
        v = self.value(x).view(B, S, self.h, hd).transpose(1, 2)
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(hd))
        att = torch.where(allowed, att, torch.tensor(NEG, dtype=att.dtype))
        y = torch.matmul(torch.softmax(att, -1), v).transpose(1, 2).reshape(B, S, self.d)
        x = self.attn_ln(x + self.attn_out(y))
        return self.out_ln(x + self.out(F.gelu(self.inter(x))))  # exact (erf) gelu as HF "gelu"


class Bert(nn.Module):
    def __init__(self, vocab_size, max_pos=128, d=128, n_layer=2, n_head=2, inner=512, type_vocab=2, eps=1e-12):
        super().__init__()
        self.cfg = dict(vocab_size=vocab_size, max_position_embeddings=max_pos, hidden_size=d,
                        num_hidden_layers=n_layer, num_attention_heads=n_head, intermediate_size=inner,
                        type_vocab_size=type_vocab, layer_norm_eps=eps)
        self.word = nn.Embedding(vocab_size, d); self.pos = nn.Embedding(max_pos, d); self.tok_type = nn.Embedding(type_vocab, d)
        self.emb_ln = nn.LayerNorm(d, eps=eps)
        self.layers = nn.ModuleList([BertLayer(d, n_head, inner, eps) for _ in range(n_layer)])
        self.head_dense = nn.Linear(d, d); self.head_ln = nn.LayerNorm(d, eps=eps)
        self.head_bias = nn.Parameter(torch.zeros(vocab_size))
        self.apply(GPT._init)

    def forward(self, input_ids, attention_mask, token_type_ids):
        B, S = input_ids.shape
        pos = torch.arange(S, dtype=torch.long).unsqueeze(0)
        x = self.emb_ln(self.word(input_ids) + self.pos(pos) + self.tok_type(token_type_ids))
        allowed = attention_mask[:, None, None, :] > 0
        for l in self.layers:
            x = l(x, allowed)
        x = self.head_ln(F.gelu(self.head_dense(x)))
        return torch.matmul(x, self.word.weight.t()) + self.head_bias
