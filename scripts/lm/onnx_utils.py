"""ONNX post-processing shared by the GPT and BERT exports: re-tie transposed copies of a weight,
and int8 weight-only quantisation (DequantizeLinear on int8 initialisers feeding MatMul/Gather)."""
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto


def retie_transposed(model):
    """torch's constant folding turns `x @ W.t()` into an initializer holding W^T. For tied
    embeddings that duplicates the table: replace such copies with a Transpose node over W."""
    g = model.graph
    inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    two_d = {n: a for n, a in inits.items() if a.ndim == 2}
    replaced = []
    for n, a in list(two_d.items()):
        for m, b in two_d.items():
            if m != n and b.shape == a.shape[::-1] and a.size > 100000 and np.array_equal(a, b.T):
                # keep the one feeding a Gather (the embedding) as the source
                if any(nd.op_type == "Gather" and nd.input[0] == n for nd in g.node):
                    continue
                g.initializer.remove(next(i for i in g.initializer if i.name == n))
                g.node.insert(0, helper.make_node("Transpose", [m], [n], perm=[1, 0], name=f"retie_{n}"))
                replaced.append((n, m))
                break
    return replaced


def fake_quant_torch_(model, min_size=4096):
    """In-place: replace every 2-D float parameter of a torch model by its int8 per-row
    (per output feature / per embedding row) quantise-dequantise, i.e. exactly the weights the
    quantised ONNX graph computes with. Returns the names changed."""
    import torch
    names = []
    with torch.no_grad():
        for n, p in model.named_parameters():
            if p.dim() == 2 and p.numel() >= min_size:
                amax = p.abs().amax(dim=1, keepdim=True)
                sc = torch.where(amax > 0, amax / 127.0, torch.ones_like(amax)).float()
                p.copy_(torch.clamp(torch.round(p / sc), -127, 127) * sc)
                names.append(n)
    return names


def quantize_weights_int8(model, min_size=4096):
    """Weight-only symmetric int8: every 2-D float initializer used as MatMul input B (per output
    column, axis=1) or as a Gather table (per row, axis=0) is stored as int8 + float scales and
    dequantised in the graph."""
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    users = {}
    for nd in g.node:
        for k, inp in enumerate(nd.input):
            users.setdefault(inp, []).append((nd, k))
    new_nodes, done = [], []
    for name, init in list(inits.items()):
        a = numpy_helper.to_array(init)
        if a.dtype != np.float32 or a.ndim != 2 or a.size < min_size:
            continue
        us = users.get(name, [])
        kinds = {(nd.op_type, k) for nd, k in us}
        if not us or not kinds <= {("MatMul", 1), ("Gather", 0), ("Transpose", 0)}:
            continue
        axis = 0 if ("Gather", 0) in kinds or ("Transpose", 0) in kinds else 1
        amax = np.abs(a).max(axis=1 - axis)
        scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
        sc = scale[:, None] if axis == 0 else scale[None, :]
        q = np.clip(np.round(a / sc), -127, 127).astype(np.int8)
        g.initializer.remove(init)
        g.initializer.extend([numpy_helper.from_array(q, name + "_q"),
                              numpy_helper.from_array(scale, name + "_scale"),
                              numpy_helper.from_array(np.zeros(scale.shape, np.int8), name + "_zp")])
        new_nodes.append(helper.make_node("DequantizeLinear", [name + "_q", name + "_scale", name + "_zp"], [name],
                                          axis=axis, name=f"dq_{name}"))
        done.append((name, a.shape, axis))
    for nd in reversed(new_nodes):
        g.node.insert(0, nd)
    return done


LOGSUMEXP_OUTPUT = "logits_logsumexp"


def add_logsumexp_output(model, blocks=64):
    """Append the output `logits_logsumexp` [batch, seq] (float32): log Σ_v exp(logits[b, s, v]), so
    a log-prob is one subtraction, logits[b, s, id] − logits_logsumexp[b, s], instead of a reduction
    over the vocabulary in the caller. Computed as max + log Σ exp(x − max), all in float32 (ONNX
    Runtime Web's WASM build has no float64 Cast kernel, and WebGPU has no float64 at all), with the
    sum taken in two levels — `blocks` partial sums over contiguous slices of the vocabulary, then
    their sum — which keeps the rounding error near that of pairwise summation (a one-level float32
    ReduceSum over 8,192 terms was off by ~6e-6). No new input, so transformers.js, which feeds every
    graph input it knows and rejects graphs with others, runs the model as before; the existing nodes
    and weights are untouched. Idempotent. Returns True when the output was added."""
    g = model.graph
    if any(o.name == LOGSUMEXP_OUTPUT for o in g.output):
        return False
    logits = next((o for o in g.output if o.name == "logits"), None)
    if logits is None:
        raise ValueError("the graph has no `logits` output")
    vocab = logits.type.tensor_type.shape.dim[-1].dim_value
    if not vocab:
        vocab = next(numpy_helper.to_array(i).shape[0] for i in g.initializer if i.name.endswith("wte.weight") or i.name.endswith("embed_tokens.weight"))
    if vocab % blocks:
        blocks = 1
    p = "logsumexp/"
    axis, split = p + "axis", p + "blockShape"
    g.initializer.extend([
        numpy_helper.from_array(np.array([-1], dtype=np.int64), axis),
        numpy_helper.from_array(np.array([0, 0, blocks, vocab // blocks], dtype=np.int64), split),
    ])
    g.node.extend([
        helper.make_node("ReduceMax", ["logits"], [p + "max"], axes=[-1], keepdims=1, name=p + "ReduceMax"),
        helper.make_node("Sub", ["logits", p + "max"], [p + "shifted"], name=p + "Sub"),
        helper.make_node("Exp", [p + "shifted"], [p + "exp"], name=p + "Exp"),
        helper.make_node("Reshape", [p + "exp", split], [p + "blocks"], name=p + "Reshape"),
        helper.make_node("ReduceSum", [p + "blocks", axis], [p + "partial"], keepdims=0, name=p + "ReduceSumBlock"),
        helper.make_node("ReduceSum", [p + "partial", axis], [p + "sum"], keepdims=0, name=p + "ReduceSum"),
        helper.make_node("Log", [p + "sum"], [p + "log"], name=p + "Log"),
        helper.make_node("Squeeze", [p + "max", axis], [p + "max2"], name=p + "Squeeze"),
        helper.make_node("Add", [p + "log", p + "max2"], [LOGSUMEXP_OUTPUT], name=p + "Add"),
    ])
    g.output.append(helper.make_tensor_value_info(LOGSUMEXP_OUTPUT, TensorProto.FLOAT, ["batch_size", "sequence_length"]))
    return True
