#!/usr/bin/env python3
"""Briefly train the tiny BERT-style masked LM (same data as the GPT; see prepare_data.py).

  /usr/bin/python3 scripts/lm/wordpiece.py train --input .cache/lm/train.txt --vocab-size 4096 --out .cache/lm/wp
  /usr/bin/python3 scripts/lm/train_bert.py --minutes 15      # -> .cache/lm/bert_ckpt.pt

MLM objective as in BERT: 15% of the non-special positions are selected; of those 80% -> [MASK],
10% -> random token, 10% unchanged. Windows of 126 word pieces wrapped in [CLS] ... [SEP].
The LR schedule is wall-clock based (warm-up, cosine to 10% at --minutes).
"""
import argparse, math, os, sys, time
import numpy as np
import torch
import torch.nn.functional as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import Bert
from wordpiece import WordPieceTokenizer


def encode(tok, path, cache):
    if os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(path):
        return np.load(cache)
    t0 = time.time()
    ids = []
    for doc in open(path, encoding="utf-8").read().split("<|endoftext|>"):
        ids.extend(tok.encode(doc, special=False)); ids.append(tok.sep_id)
    arr = np.array(ids, dtype=np.int16)
    np.save(cache, arr)
    print(f"encoded {path}: {len(arr)} pieces in {time.time()-t0:.0f}s", flush=True)
    return arr


def make_batch(data, starts, L, tok, V, rng):
    x = np.stack([np.concatenate([[tok.cls_id], data[s:s + L - 2], [tok.sep_id]]) for s in starts]).astype(np.int64)
    labels = np.full_like(x, -100)
    sel = rng.random(x.shape) < 0.15
    sel[:, 0] = False; sel[:, -1] = False
    labels[sel] = x[sel]
    r = rng.random(x.shape)
    xm = x.copy()
    xm[sel & (r < 0.8)] = tok.mask_id
    rnd = sel & (r >= 0.8) & (r < 0.9)
    xm[rnd] = rng.integers(5, V, rnd.sum())
    return torch.from_numpy(xm), torch.from_numpy(labels)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=".cache/lm"); ap.add_argument("--tok", default=".cache/lm/wp")
    ap.add_argument("--out", default=".cache/lm/bert_ckpt.pt")
    ap.add_argument("--d", type=int, default=128); ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=2); ap.add_argument("--inner", type=int, default=512)
    ap.add_argument("--ctx", type=int, default=128); ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3); ap.add_argument("--minutes", type=float, default=15)
    ap.add_argument("--threads", type=int, default=2); ap.add_argument("--seed", type=int, default=1234)
    a = ap.parse_args()
    torch.set_num_threads(a.threads); torch.manual_seed(a.seed); rng = np.random.default_rng(a.seed)
    tok = WordPieceTokenizer(a.tok); V = len(tok.vocab)
    train = encode(tok, os.path.join(a.data, "train.txt"), os.path.join(a.data, "train_wp.npy"))
    val = encode(tok, os.path.join(a.data, "val.txt"), os.path.join(a.data, "val_wp.npy"))
    model = Bert(V, max_pos=a.ctx, d=a.d, n_layer=a.layers, n_head=a.heads, inner=a.inner)
    nparam = sum(p.numel() for p in model.parameters())
    print(f"params {nparam}; train pieces {len(train)}, val pieces {len(val)}", flush=True)
    decay = [p for p in model.parameters() if p.dim() >= 2]; nodecay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": nodecay, "weight_decay": 0.0}],
                            lr=a.lr, betas=(0.9, 0.98))
    vrng = np.random.default_rng(0)
    vstarts = np.arange(0, len(val) - a.ctx, a.ctx - 2)[:64]
    vx, vy = make_batch(val, vstarts, a.ctx, tok, V, vrng)
    ones = torch.ones_like(vx); zeros = torch.zeros_like(vx)

    @torch.no_grad()
    def evaluate():
        model.eval(); tot = 0.0; n = 0; hit = 0
        for i in range(0, len(vx), 16):
            lg = model(vx[i:i + 16], ones[i:i + 16], zeros[i:i + 16]); y = vy[i:i + 16]
            m = y != -100
            tot += F.cross_entropy(lg[m], y[m], reduction="sum").item(); n += m.sum().item()
            hit += (lg[m].argmax(-1) == y[m]).sum().item()
        model.train(); return tot / n, hit / n, n

    budget = a.minutes * 60; t0 = time.time(); step = 0; ema = None; seen = 0
    while time.time() - t0 < budget:
        el = time.time() - t0
        lr = a.lr * min(1.0, el / 30) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * el / budget)))
        for g in opt.param_groups: g["lr"] = lr
        x, y = make_batch(train, rng.integers(0, len(train) - a.ctx, a.batch), a.ctx, tok, V, rng)
        lg = model(x, torch.ones_like(x), torch.zeros_like(x))
        loss = F.cross_entropy(lg.view(-1, V), y.view(-1), ignore_index=-100)
        opt.zero_grad(set_to_none=True); loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step()
        step += 1; seen += x.numel(); ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
        if step % 100 == 0:
            print(f"step {step} t={el:.0f}s lr={lr:.2e} loss={ema:.3f}", flush=True)
    secs = time.time() - t0
    vl, acc, n = evaluate()
    print(f"done: {step} steps, {seen} pieces, {secs:.0f}s; held-out MLM loss {vl:.3f} (ppl {math.exp(vl):.1f}), "
          f"masked-token accuracy {acc:.3f} over {n} masked pieces", flush=True)
    torch.save({"model": model.state_dict(), "cfg": model.cfg, "step": step, "pieces": seen, "train_seconds": secs,
                "val_mlm_loss": vl, "val_mlm_acc": acc, "val_masked": n, "args": vars(a)}, a.out)


if __name__ == "__main__":
    main()
