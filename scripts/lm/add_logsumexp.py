#!/usr/bin/env python3
"""Add the `logits_logsumexp` output (onnx_utils.add_logsumexp_output) to already exported causal-LM
graphs in place, without re-exporting: the weights and every existing node stay byte-identical, so
the logits — and the torch reference fixtures — do not change. export_gpt.py adds the same output to
new exports; this script brought the shipped tiny GPT-2 files up to date.

  /usr/bin/python3 scripts/lm/add_logsumexp.py [public/models/workbench/tiny-gpt2/onnx/model.onnx ...]
"""
import os, sys
import onnx
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from onnx_utils import add_logsumexp_output

DEFAULT = ["public/models/workbench/tiny-gpt2/onnx/model.onnx",
           "public/models/workbench/tiny-gpt2/onnx/model_quantized.onnx"]

for path in sys.argv[1:] or DEFAULT:
    m = onnx.load(path)
    before = {i.name: i.SerializeToString() for i in m.graph.initializer}
    added = add_logsumexp_output(m)
    if added:
        onnx.checker.check_model(m)
        assert all(i.SerializeToString() == before[i.name] for i in m.graph.initializer if i.name in before)
        onnx.save(m, path)
    print(f"{path}: {'added logits_logsumexp' if added else 'already has logits_logsumexp'} ({os.path.getsize(path)} bytes)")
