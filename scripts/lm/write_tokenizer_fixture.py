#!/usr/bin/env python3
"""Write tests/fixtures/lm/tokenizers.json: token ids of test strings from the Python
tokenizers (bpe.py / wordpiece.py), which transformers.js must reproduce exactly.

  /usr/bin/python3 scripts/lm/write_tokenizer_fixture.py
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bpe import Tokenizer
from wordpiece import WordPieceTokenizer

TEXTS = ["Hello world", " leading spaces", "café — naïve", "In 1790, the U.S. had 3,929,214 people.", "aaaa",
         "Call me Ishmael.", "  two  spaces\tand a tab\nnewline", "The nurse said that she'd be late; the doctor didn't.",
         "Émigrés paid $12.50 (approx.) — 100% of it!", "日本語 and emoji 🙂 too", "<|endoftext|>The end",
         "don't won't I'm you're we've they'll he'd", "Mississippi!!! ...   ", "x"]

if __name__ == "__main__":
    g = Tokenizer(".cache/lm/tok"); b = WordPieceTokenizer(".cache/lm/wp")
    out = {"generatedBy": "/usr/bin/python3 scripts/lm/write_tokenizer_fixture.py",
           "convention": "gpt2: tokenizer.encode(text) with default options (no special tokens are added; the literal "
                         "'<|endoftext|>' maps to its id). bert: encode(text) with [CLS] ... [SEP] added.",
           "cases": [{"text": t, "gpt2": g.encode(t), "gpt2Tokens": [g.inv[i] for i in g.encode(t)],
                      "bert": b.encode(t), "bertTokens": [b.inv[i] for i in b.encode(t)]} for t in TEXTS]}
    os.makedirs("tests/fixtures/lm", exist_ok=True)
    json.dump(out, open("tests/fixtures/lm/tokenizers.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
    print(len(TEXTS), "cases")
