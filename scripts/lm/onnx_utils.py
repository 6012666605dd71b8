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
