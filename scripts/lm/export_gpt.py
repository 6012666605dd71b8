#!/usr/bin/env python3
"""Export the trained tiny GPT-2 to a Hugging Face Hub-style folder that transformers.js loads as
model_type "gpt2", and write torch reference fixtures.

  /usr/bin/python3 scripts/lm/export_gpt.py [--ckpt .cache/lm/gpt_ckpt.pt] [--tok .cache/lm/tok]
        [--out public/models/workbench/tiny-gpt2] [--fixtures tests/fixtures/lm]

ONNX (opset 17): inputs input_ids, attention_mask, position_ids (int64) and
past_key_values.{i}.key/value (float32 [batch, n_head, past_sequence_length, head_dim]);
outputs logits, present.{i}.key/value. onnx/model_quantized.onnx = int8 weight-only copy.
"""
import argparse, json, math, os, shutil, sys
import numpy as np
import torch
import torch.nn.functional as F
import onnx
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import GPT
from bpe import Tokenizer, EOT
from onnx_utils import retie_transposed, quantize_weights_int8

CMD = "/usr/bin/python3 scripts/lm/export_gpt.py"

SENTENCES = [
    "The doctor said that he would arrive soon.",
    "The nurse said that she would arrive soon.",
    "Call me Ishmael.",
    "The President shall from time to time give to the Congress information of the State of the Union.",
    "café — naïve résumé, 1,234 dollars!",
    " A leading space, digits 1790 and a newline\n",
]
BATCH = [2, 0, 3]  # indices into SENTENCES for the padded-batch fixtures


class OnnxWrapper(torch.nn.Module):
    def __init__(self, m):
        super().__init__(); self.m = m

    def forward(self, input_ids, attention_mask, position_ids, *past_flat):
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(len(past_flat) // 2)]
        logits, presents = self.m(input_ids, attention_mask, position_ids, past)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


def position_ids_from_mask(mask):
    # exactly what transformers.js create_position_ids does
    pos = mask.long().cumsum(-1) - 1
    return pos.masked_fill(mask == 0, 1)


def token_strings(tok, ids):
    return [tok.inv[i] for i in ids]


@torch.no_grad()
def score(model, ids_list, bos_id=None, pad_side=None, pad_id=0):
    """Per-token log-probs. Token t's log-prob comes from position t-1's logits; the first token
    of the sequence fed to the model is not scored."""
    seqs = [([bos_id] if bos_id is not None else []) + ids for ids in ids_list]
    L = max(len(s) for s in seqs)
    x = torch.full((len(seqs), L), pad_id, dtype=torch.long)
    m = torch.zeros((len(seqs), L), dtype=torch.long)
    for b, s in enumerate(seqs):
        if pad_side == "left":
            x[b, L - len(s):] = torch.tensor(s); m[b, L - len(s):] = 1
        else:
            x[b, :len(s)] = torch.tensor(s); m[b, :len(s)] = 1
    logits, _ = model(x, m, position_ids_from_mask(m))
    lp = F.log_softmax(logits, -1)
    res = []
    for b, s in enumerate(seqs):
        off = L - len(s) if pad_side == "left" else 0
        vals = [lp[b, off + t - 1, s[t]].item() for t in range(1, len(s))]
        res.append(vals)
    return res, x, m, logits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default=".cache/lm/gpt_ckpt.pt")
    ap.add_argument("--tok", default=".cache/lm/tok")
    ap.add_argument("--out", default="public/models/workbench/tiny-gpt2")
    ap.add_argument("--fixtures", default="tests/fixtures/lm")
    a = ap.parse_args()
    ck = torch.load(a.ckpt, map_location="cpu")
    c = ck["cfg"]
    model = GPT(c["vocab_size"], c["n_positions"], c["n_embd"], c["n_layer"], c["n_head"], c["n_inner"], c["eps"])
    model.load_state_dict(ck["model"]); model.eval()
    tok = Tokenizer(a.tok)
    eot = tok.eot_id
    os.makedirs(os.path.join(a.out, "onnx"), exist_ok=True)
    nparam = sum(p.numel() for p in model.parameters())

    # ---------- HF files ----------
    for f in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(os.path.join(a.tok, f), os.path.join(a.out, f))
    tc = json.load(open(os.path.join(a.out, "tokenizer_config.json")))
    tc["model_max_length"] = c["n_positions"]
    tc["pad_token"] = EOT  # GPT-2 has no pad token; reuse <|endoftext|> so batches can be padded
    json.dump(tc, open(os.path.join(a.out, "tokenizer_config.json"), "w"), indent=2, ensure_ascii=False)
    config = {
        "architectures": ["GPT2LMHeadModel"], "model_type": "gpt2",
        "vocab_size": c["vocab_size"], "n_positions": c["n_positions"], "n_ctx": c["n_positions"],
        "n_embd": c["n_embd"], "n_layer": c["n_layer"], "n_head": c["n_head"], "n_inner": c["n_inner"],
        "activation_function": "gelu_new", "layer_norm_epsilon": c["eps"],
        "resid_pdrop": 0.0, "embd_pdrop": 0.0, "attn_pdrop": 0.0, "initializer_range": 0.02,
        "scale_attn_weights": True, "scale_attn_by_inverse_layer_idx": False, "reorder_and_upcast_attn": False,
        "tie_word_embeddings": True, "bos_token_id": eot, "eos_token_id": eot, "pad_token_id": eot,
        "use_cache": True, "torch_dtype": "float32",
    }
    json.dump(config, open(os.path.join(a.out, "config.json"), "w"), indent=2)
    json.dump({"bos_token_id": eot, "eos_token_id": eot, "pad_token_id": eot, "max_length": c["n_positions"],
               "do_sample": False}, open(os.path.join(a.out, "generation_config.json"), "w"), indent=2)

    # ---------- ONNX ----------
    H, D = c["n_head"], c["n_embd"] // c["n_head"]
    B, P, S = 2, 3, 5
    ids = torch.randint(0, c["vocab_size"], (B, S))
    mask = torch.ones(B, P + S, dtype=torch.long)
    pos = torch.arange(P, P + S).unsqueeze(0).expand(B, S).contiguous()
    past = []
    in_names = ["input_ids", "attention_mask", "position_ids"]
    out_names = ["logits"]
    dyn = {"input_ids": {0: "batch_size", 1: "sequence_length"},
           "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
           "position_ids": {0: "batch_size", 1: "sequence_length"},
           "logits": {0: "batch_size", 1: "sequence_length"}}
    for i in range(c["n_layer"]):
        for kv in ("key", "value"):
            past.append(torch.randn(B, H, P, D))
            n = f"past_key_values.{i}.{kv}"; in_names.append(n); dyn[n] = {0: "batch_size", 2: "past_sequence_length"}
            n = f"present.{i}.{kv}"; out_names.append(n); dyn[n] = {0: "batch_size", 2: "total_sequence_length"}
    path = os.path.join(a.out, "onnx", "model.onnx")
    torch.onnx.export(OnnxWrapper(model), (ids, mask, pos, *past), path, input_names=in_names,
                      output_names=out_names, dynamic_axes=dyn, opset_version=17, do_constant_folding=True)
    m = onnx.load(path)
    print("re-tied:", retie_transposed(m))
    onnx.checker.check_model(m)
    onnx.save(m, path)
    q = onnx.load(path)
    print("quantised:", quantize_weights_int8(q))
    onnx.checker.check_model(q)
    onnx.save(q, os.path.join(a.out, "onnx", "model_quantized.onnx"))

    # ---------- fixtures ----------
    os.makedirs(a.fixtures, exist_ok=True)
    ids_list = [tok.encode(s) for s in SENTENCES]
    plain, _, _, _ = zip(*[score(model, [i]) for i in ids_list]) if False else (None, None, None, None)
    items = []
    for s, ids_ in zip(SENTENCES, ids_list):
        lp, _, _, logits = score(model, [ids_])
        lpb, _, _, _ = score(model, [ids_], bos_id=eot)
        items.append({
            "text": s, "ids": ids_, "tokens": token_strings(tok, ids_),
            "logprobs": lp[0], "total": sum(lp[0]),
            "bos": {"ids": [eot] + ids_, "logprobs": lpb[0], "total": sum(lpb[0])},
            "logitsSlice": {"positions": [0, len(ids_) - 1], "vocabStart": 0, "vocabEnd": 8,
                            "values": [logits[0, 0, :8].tolist(), logits[0, len(ids_) - 1, :8].tolist()]},
        })
    meta = {"generatedBy": CMD, "model": "workbench/tiny-gpt2", "checkpointStep": ck.get("step"),
            "parameters": nparam,
            "convention": "logprobs[k] is log P(ids[k+1] | ids[0..k]) (natural log) from the logits at position k; "
                          "the first token is NOT scored (len(logprobs) = len(ids) - 1); total = sum(logprobs). "
                          "'bos' prepends <|endoftext|> (id %d) so every sentence token is scored (len = len(ids))." % eot,
            "positionIds": "cumsum(attention_mask) - 1, masked to 1 at padding (transformers.js create_position_ids)"}
    json.dump({**meta, "sentences": items}, open(os.path.join(a.fixtures, "tiny-gpt2.logprobs.json"), "w"),
              indent=1, ensure_ascii=False)
    batch = {}
    for side in ("right", "left"):
        bl = [ids_list[i] for i in BATCH]
        lp, x, msk, _ = score(model, bl, pad_side=side, pad_id=eot)
        diff = max(abs(u - v) for k, i in enumerate(BATCH) for u, v in zip(lp[k], items[i]["logprobs"]))
        batch[side] = {"input_ids": x.tolist(), "attention_mask": msk.tolist(),
                       "position_ids": position_ids_from_mask(msk).tolist(),
                       "logprobs": lp, "totals": [sum(v) for v in lp], "maxAbsDiffVsUnpadded": diff}
        print(f"padded ({side}) vs unpadded max |diff| = {diff:.2e}")
    json.dump({**meta, "padToken": eot, "sentenceIndices": BATCH, "texts": [SENTENCES[i] for i in BATCH],
               "padded": batch}, open(os.path.join(a.fixtures, "tiny-gpt2.padded-batch.json"), "w"), indent=1,
              ensure_ascii=False)
    # greedy continuation in torch (with the KV cache) for the generate() check
    prompt = tok.encode("The President said that")
    x = torch.tensor([prompt]); out = list(prompt)
    with torch.no_grad():
        logits, pres = model(x, torch.ones_like(x), None, None)
        for _ in range(10):
            nxt = int(logits[0, -1].argmax()); out.append(nxt)
            xi = torch.tensor([[nxt]])
            logits, pres = model(xi, torch.ones(1, len(out), dtype=torch.long), torch.tensor([[len(out) - 1]]), pres)
    json.dump({**meta, "prompt": "The President said that", "promptIds": prompt, "maxNewTokens": 10,
               "greedyIds": out, "greedyText": tok.decode(out)},
              open(os.path.join(a.fixtures, "tiny-gpt2.greedy.json"), "w"), indent=1, ensure_ascii=False)
    print("greedy:", repr(tok.decode(out)))
    json.dump({"parameters": nparam, "step": ck.get("step"), "tokens": ck.get("tokens"),
               "train_seconds": ck.get("train_seconds"), "val_ppl": ck.get("val_ppl"), "val_loss": ck.get("val_loss"),
               "val_tokens": ck.get("val_tokens"), "final": ck.get("final"), "args": ck.get("args")},
              open(os.path.join(os.path.dirname(a.ckpt), "gpt_export_info.json"), "w"), indent=1)
    for f in sorted(os.listdir(a.out)) + ["onnx/" + f for f in sorted(os.listdir(os.path.join(a.out, "onnx")))]:
        p = os.path.join(a.out, f)
        if os.path.isfile(p):
            print(f"{os.path.getsize(p):>10}  {f}")


if __name__ == "__main__":
    main()
