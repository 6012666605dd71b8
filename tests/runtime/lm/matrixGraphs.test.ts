// The hub-matrix fixture graphs (tests/fixtures/hub-matrix/matrix/<row>/onnx/model.onnx, built by
// scripts/lm/fixtures/build_graphs.py), checked with ONNX Runtime itself — onnxruntime-node run
// directly, not this project's runtime — so a runtime bug cannot hide a fixture bug or the reverse:
//  - each graph's input and output names, in order, are the ones GRAPHS.md lists for the real
//    export the row mimics (names with {i} expand over the config's layers);
//  - every input matters: changing any single input (each past tensor separately, with a non-empty
//    past) changes the logits;
//  - causal rows: a prefix pass whose present.* is fed back as past_key_values.* gives the one-pass
//    logits (to 1e-4), also for a batch of two with a right-padded past and continuing position_ids;
//  - scripted rows: greedy generation after the row's own chat template (transformers.js tokenizer),
//    batched with left padding and the KV cache, writes SCRIPT.md's answer ids and then EOS;
//  - transformers.js loads every row (its own empty-past sizing, position_ids, token_type_ids) and its
//    logits equal onnxruntime-node's on the same file (gemma3: transformers.js counts positions from 1,
//    which RoPE cannot see — only position differences enter attention);
//  - onnxruntime-web WASM (loaded as src/runtime/ort.ts loads it in Node) gives onnxruntime-node's
//    logits for one row.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoModelForCausalLM, AutoModelForMaskedLM, AutoTokenizer, env, type Tensor } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// HUB_MATRIX_DIR points the test at another build of the matrix (same layout); unset, the committed one.
const ROOT = path.resolve(process.env.HUB_MATRIX_DIR ?? path.join(repo, 'tests', 'fixtures', 'hub-matrix'));

interface GraphRow {
  row: string;
  inputs: string[];
  outputs: string[];
}

/** Rows of GRAPHS.md's interface table: `| row | inputs | outputs | … |`, names in backticks. */
function readGraphsTable(): GraphRow[] {
  const rows: GraphRow[] = [];
  for (const line of readFileSync(path.join(ROOT, 'GRAPHS.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !/^`[\w-]+`$/.test(cells[1]!)) continue;
    const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    rows.push({ row: cells[1]!.slice(1, -1), inputs: names(cells[2]!), outputs: names(cells[3]!) });
  }
  return rows;
}

/** Consecutive names with `{i}` expand together, layer by layer: a.{i}.key, a.{i}.value → a.0.key, a.0.value, a.1.key … */
function expandLayers(names: string[], layers: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < names.length; ) {
    if (!names[k]!.includes('{i}')) {
      out.push(names[k++]!);
      continue;
    }
    const group: string[] = [];
    while (k < names.length && names[k]!.includes('{i}')) group.push(names[k++]!);
    for (let i = 0; i < layers; i++) for (const n of group) out.push(n.replace('{i}', String(i)));
  }
  return out;
}

/** Deterministic pseudo-random numbers (LCG), so every run feeds the same tensors. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const int64 = (rows: number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]!.length]);
const float32 = (data: Float32Array, dims: number[]) => new ort.Tensor('float32', data, dims);
const logitsOf = (out: ort.InferenceSession.ReturnType) => out.logits!.data as Float32Array;
const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
/** Logits of one (batch row, position) from a [batch, seq, vocab] tensor. */
const at = (t: ort.Tensor, b: number, s: number) => {
  const [, S, V] = t.dims as number[];
  return (t.data as Float32Array).subarray((b * S! + s) * V!, (b * S! + s + 1) * V!);
};

const GRAPHS = readGraphsTable();
const sessions = new Map<string, Promise<ort.InferenceSession>>();
const sessionOf = (row: string) => {
  let s = sessions.get(row);
  if (!s) sessions.set(row, (s = ort.InferenceSession.create(path.join(ROOT, 'matrix', row, 'onnx', 'model.onnx'))));
  return s;
};
const configOf = (row: string) => JSON.parse(readFileSync(path.join(ROOT, 'matrix', row, 'config.json'), 'utf8')) as Record<string, unknown>;
const numberIn = (row: string, ...keys: string[]) => {
  const cfg = configOf(row);
  const v = keys.map((k) => cfg[k]).find((x): x is number => typeof x === 'number');
  if (v === undefined) throw new Error(`${row}/config.json has none of ${keys.join(', ')}`);
  return v;
};

/** Shape of a past tensor from the graph's own input metadata ([batch, kv_heads, past, head_dim]). */
function pastShape(session: ort.InferenceSession, name: string): [number, number] {
  const meta = session.inputMetadata.find((m) => m.name === name);
  const dims = meta && meta.isTensor ? meta.shape : [];
  const [, heads, , headDim] = dims;
  if (typeof heads !== 'number' || typeof headDim !== 'number') throw new Error(`${name}: no fixed head count / head size in the graph`);
  return [heads, headDim];
}

interface CausalFeed {
  ids: number[][];
  mask: number[][];
  positions: number[][];
  past?: Record<string, ort.Tensor>;
}

async function runCausal(session: ort.InferenceSession, f: CausalFeed): Promise<ort.InferenceSession.ReturnType> {
  const feeds: Record<string, ort.Tensor> = { input_ids: int64(f.ids), attention_mask: int64(f.mask) };
  if (session.inputNames.includes('position_ids')) feeds.position_ids = int64(f.positions);
  for (const name of session.inputNames.filter((n) => n.startsWith('past_key_values.'))) {
    const [heads, headDim] = pastShape(session, name);
    feeds[name] = f.past?.[name] ?? float32(new Float32Array(0), [f.ids.length, heads, 0, headDim]);
  }
  return session.run(feeds);
}

const presentAsPast = (out: ort.InferenceSession.ReturnType) =>
  Object.fromEntries(Object.entries(out).filter(([k]) => k.startsWith('present.')).map(([k, v]) => [k.replace('present.', 'past_key_values.'), v as ort.Tensor]));

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('hub-matrix graphs (onnxruntime-node)', () => {
  it('GRAPHS.md lists exactly the row folders that have a model', () => {
    const built = readdirSync(path.join(ROOT, 'matrix')).filter((row) => existsSync(path.join(ROOT, 'matrix', row, 'onnx', 'model.onnx')));
    expect(GRAPHS.map((g) => g.row).sort()).toEqual(built.sort());
    expect(built).toHaveLength(14);
  });

  for (const g of GRAPHS) {
    describe(g.row, () => {
      const causal = g.inputs.some((n) => n.startsWith('past_key_values.'));

      it('input and output names, in order, are the real export’s', async () => {
        const session = await sessionOf(g.row);
        const layers = numberIn(g.row, 'num_hidden_layers', 'n_layer', 'n_layers');
        expect(session.inputNames).toEqual(expandLayers(g.inputs, layers));
        expect(session.outputNames).toEqual(expandLayers(g.outputs, layers));
        if (!causal) return;
        // Past tensors: [batch, kv heads, past, head size] with the config's sizes — num_key_value_heads
        // (else the head count) and head_dim (else hidden size / head count).
        const heads = numberIn(g.row, 'num_attention_heads', 'n_head');
        const kvHeads = configOf(g.row).num_key_value_heads ?? heads;
        const headDim = configOf(g.row).head_dim ?? numberIn(g.row, 'hidden_size', 'n_embd') / heads;
        for (const name of session.inputNames.filter((n) => n.startsWith('past_key_values.'))) expect(pastShape(session, name), name).toEqual([kvHeads, headDim]);
      });

      it('every single input changes the logits', async () => {
        const session = await sessionOf(g.row);
        const vocab = numberIn(g.row, 'vocab_size');
        const rnd = lcg(7);
        const tok = () => 3 + Math.floor(rnd() * (vocab - 3));
        if (!causal) {
          const ids = [range(0, 6).map(tok), range(0, 6).map(tok)];
          const base = { input_ids: int64(ids), attention_mask: int64(ids.map((r) => r.map(() => 1))) } as Record<string, ort.Tensor>;
          if (session.inputNames.includes('token_type_ids')) base.token_type_ids = int64(ids.map((r) => r.map(() => 0)));
          const ref = logitsOf(await session.run(base));
          const variants: Record<string, Record<string, ort.Tensor>> = {
            input_ids: { input_ids: int64([[ids[0]![0]! === 5 ? 6 : 5, ...ids[0]!.slice(1)], ids[1]!]) },
            attention_mask: { attention_mask: int64([[1, 1, 0, 1, 1, 1], [1, 1, 1, 1, 1, 1]]) },
            token_type_ids: { token_type_ids: int64([[0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0]]) },
          };
          for (const name of session.inputNames) {
            const out = logitsOf(await session.run({ ...base, ...variants[name]! }));
            expect(maxDiff(out, ref), name).toBeGreaterThan(1e-3);
          }
          return;
        }
        // A non-empty past from a real prefix pass, then a 3-token pass on top of it.
        const prefix = [range(0, 4).map(tok), range(0, 4).map(tok)];
        const first = await runCausal(session, { ids: prefix, mask: prefix.map((r) => r.map(() => 1)), positions: [range(0, 4), range(0, 4)] });
        const past = presentAsPast(first);
        const ids = [range(0, 3).map(tok), range(0, 3).map(tok)];
        const feed: CausalFeed = { ids, mask: [range(0, 7).map(() => 1), range(0, 7).map(() => 1)], positions: [range(4, 3), range(4, 3)], past };
        const ref = logitsOf(await runCausal(session, feed));
        const variants: Record<string, CausalFeed> = {
          input_ids: { ...feed, ids: [[ids[0]![0]! === 5 ? 6 : 5, ...ids[0]!.slice(1)], ids[1]!] },
          attention_mask: { ...feed, mask: [[1, 0, 1, 1, 1, 1, 1], range(0, 7).map(() => 1)] },
          position_ids: { ...feed, positions: [[4, 9, 6], range(4, 3)] },
        };
        for (const name of session.inputNames) {
          let variant = variants[name];
          if (name.startsWith('past_key_values.')) {
            const t = past[name]!;
            const data = Float32Array.from(t.data as Float32Array, (v, i) => (i % 7 === 0 ? v + 1 : v));
            variant = { ...feed, past: { ...past, [name]: float32(data, t.dims as number[]) } };
          }
          expect(variant, `a perturbation of ${name}`).toBeDefined();
          const out = logitsOf(await runCausal(session, variant!));
          expect(maxDiff(out, ref), name).toBeGreaterThan(1e-3);
        }
      });

      if (causal)
        it('prefix pass + present fed back as past = one pass (to 1e-4), also with a right-padded past', async () => {
          const session = await sessionOf(g.row);
          const vocab = numberIn(g.row, 'vocab_size');
          const rnd = lcg(11);
          const tok = () => 3 + Math.floor(rnd() * (vocab - 3));
          const a = range(0, 7).map(tok);
          const b = range(0, 5).map(tok);
          const ones = (n: number) => range(0, n).map(() => 1);
          // Row 0: 7 tokens; row 1: 5 tokens. One pass each, no past (past length 0).
          const fullA = (await runCausal(session, { ids: [a], mask: [ones(7)], positions: [range(0, 7)] })).logits!;
          const fullB = (await runCausal(session, { ids: [b], mask: [ones(5)], positions: [range(0, 5)] })).logits!;
          // Same batch row, two passes: 4 tokens, then 3 on top of their present.*.
          const pre = await runCausal(session, { ids: [a.slice(0, 4)], mask: [ones(4)], positions: [range(0, 4)] });
          const suf = (await runCausal(session, { ids: [a.slice(4)], mask: [ones(7)], positions: [range(4, 3)], past: presentAsPast(pre) })).logits!;
          for (let s = 0; s < 4; s++) expect(maxDiff(at(pre.logits!, 0, s), at(fullA, 0, s))).toBeLessThan(1e-4);
          for (let s = 0; s < 3; s++) expect(maxDiff(at(suf, 0, s), at(fullA, 0, 4 + s))).toBeLessThan(1e-4);
          // Batch of two, past right-padded: row 0 has 4 past tokens, row 1 has 2 (+2 padding, masked).
          const padId = a[0]!;
          const batchPre = await runCausal(session, {
            ids: [a.slice(0, 4), [...b.slice(0, 2), padId, padId]],
            mask: [ones(4), [1, 1, 0, 0]],
            positions: [range(0, 4), [0, 1, 1, 1]],
          });
          const batchSuf = (
            await runCausal(session, {
              ids: [a.slice(4), b.slice(2)],
              mask: [ones(7), [1, 1, 0, 0, 1, 1, 1]],
              positions: [range(4, 3), range(2, 3)],
              past: presentAsPast(batchPre),
            })
          ).logits!;
          for (let s = 0; s < 3; s++) {
            expect(maxDiff(at(batchSuf, 0, s), at(fullA, 0, 4 + s))).toBeLessThan(1e-4);
            expect(maxDiff(at(batchSuf, 1, s), at(fullB, 0, 2 + s))).toBeLessThan(1e-4);
          }
        });
    });
  }
});

/** SCRIPT.md: the answer text (`- Answer text: "…"`) and the ```json block's ids (generation prompt tail, answer). */
function readScript(row: string): { text: string; context_ids: number[]; answer_ids: number[] } {
  const md = readFileSync(path.join(ROOT, 'matrix', row, 'SCRIPT.md'), 'utf8');
  const text = JSON.parse(/^- Answer text: (".*")$/m.exec(md)?.[1] ?? 'null') as string | null;
  for (const m of md.matchAll(/```json\s*\n([\s\S]*?)```/g)) {
    const data = JSON.parse(m[1]!) as { context_ids?: number[]; answer_ids?: number[] };
    if (text !== null && data.context_ids && data.answer_ids) return { text, context_ids: data.context_ids, answer_ids: data.answer_ids };
  }
  throw new Error(`${row}/SCRIPT.md has no answer text or no json block with context_ids and answer_ids`);
}

const argmax = (row: Float32Array) => row.reduce((best, v, i) => (v > row[best]! ? i : best), 0);

describe('scripted rows: greedy generation after the chat template, with the KV cache, writes the script then EOS', () => {
  for (const row of ['scripted-iat', 'scripted-decision']) {
    it(row, async () => {
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      const tokenizer = await AutoTokenizer.from_pretrained(path.join(ROOT, 'matrix', row));
      const session = await sessionOf(row);
      const eos = numberIn(row, 'eos_token_id');
      const script = readScript(row);
      const expected = script.answer_ids.at(-1) === eos ? script.answer_ids : [...script.answer_ids, eos];
      // Two chat prompts of different lengths, as a batch of two with the shorter left-padded (the
      // layout batched generation uses); one token per pass after the first, past fed back.
      const messages = ['Here is a list of words. For each word pick a word — Julia or Ben — and write it after the word.', 'Who should do which task?'];
      const prompts = messages.map(
        (content) => tokenizer.apply_chat_template([{ role: 'user', content }], { add_generation_prompt: true, tokenize: true, return_tensor: false, return_dict: false }) as number[],
      );
      for (const p of prompts) expect(p.slice(-script.context_ids.length)).toEqual(script.context_ids);
      const width = Math.max(...prompts.map((p) => p.length));
      let mask = prompts.map((p) => [...range(0, width - p.length).map(() => 0), ...p.map(() => 1)]);
      let positions = mask.map((m) => m.map((_, j) => Math.max(0, m.slice(0, j + 1).reduce((a, b) => a + b, 0) - 1)));
      let out = await runCausal(session, { ids: prompts.map((p) => [...range(0, width - p.length).map(() => eos), ...p]), mask, positions });
      const generated: number[][] = [[], []];
      for (let step = 0; step < expected.length; step++) {
        const next = [0, 1].map((b) => argmax(at(out.logits!, b, (out.logits!.dims[1] as number) - 1)));
        next.forEach((t, b) => generated[b]!.push(t));
        if (step === expected.length - 1) break;
        positions = positions.map((p) => [Math.max(...p) + 1]);
        mask = mask.map((m) => [...m, 1]);
        out = await runCausal(session, { ids: next.map((t) => [t]), mask, positions, past: presentAsPast(out) });
      }
      for (const g of generated) {
        expect(g).toEqual(expected);
        expect(tokenizer.decode(g, { skip_special_tokens: true })).toBe(script.text);
      }
    });
  }
});

describe('transformers.js (the library Hub users load these repos with) runs every row as ONNX Runtime does', () => {
  for (const g of GRAPHS) {
    it(g.row, async () => {
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      const dir = path.join(ROOT, 'matrix', g.row);
      const causal = g.inputs.some((n) => n.startsWith('past_key_values.'));
      const tokenizer = await AutoTokenizer.from_pretrained(dir);
      const model = await (causal ? AutoModelForCausalLM : AutoModelForMaskedLM).from_pretrained(dir, { dtype: 'fp32', device: 'cpu' });
      const encoded = tokenizer('The doctor said that she was tired.');
      const ids = (encoded.input_ids as Tensor).tolist()[0]!.map(Number);
      const got = ((await model(encoded)) as { logits: Tensor }).logits;
      const session = await sessionOf(g.row);
      const ones = ids.map(() => 1);
      const want = causal
        ? await runCausal(session, { ids: [ids], mask: [ones], positions: [range(0, ids.length)] })
        : await session.run({
            input_ids: int64([ids]),
            attention_mask: int64([ones]),
            ...(session.inputNames.includes('token_type_ids') ? { token_type_ids: int64([ids.map(() => 0)]) } : {}),
          });
      expect(got.dims).toEqual(want.logits!.dims);
      expect(maxDiff(got.data as Float32Array, logitsOf(want))).toBeLessThan(1e-4);
      await model.dispose();
    });
  }
});

describe('hub-matrix graphs: onnxruntime-web WASM = onnxruntime-node', () => {
  it('llama: same logits (to 1e-4) for a pass with a past', async () => {
    const spec = 'onnxruntime-web';
    const web = (await import(/* @vite-ignore */ spec)) as typeof import('onnxruntime-web');
    web.env.wasm.numThreads = 1;
    const file = path.join(ROOT, 'matrix', 'llama', 'onnx', 'model.onnx');
    const webSession = await web.InferenceSession.create(new Uint8Array(readFileSync(file)));
    const nodeSession = await sessionOf('llama');
    const ids = [[5, 9, 14, 3], [7, 7, 20, 11]];
    const feeds = (T: typeof ort.Tensor | typeof web.Tensor, past?: Record<string, { data: unknown; dims: readonly number[] }>) => {
      const f: Record<string, ort.Tensor | InstanceType<typeof web.Tensor>> = {
        input_ids: new T('int64', BigInt64Array.from(ids.flat().map(BigInt)), [2, 4]),
        attention_mask: new T('int64', BigInt64Array.from({ length: 2 * (4 + (past ? 4 : 0)) }, () => 1n), [2, 4 + (past ? 4 : 0)]),
        position_ids: new T('int64', BigInt64Array.from([0, 1, 2, 3, 0, 1, 2, 3].map((p) => BigInt(p + (past ? 4 : 0)))), [2, 4]),
      };
      for (const name of nodeSession.inputNames.filter((n) => n.startsWith('past_key_values.'))) {
        const [heads, headDim] = pastShape(nodeSession, name);
        const p = past?.[name.replace('past_key_values.', 'present.')];
        f[name] = p ? new T('float32', p.data as Float32Array, p.dims as number[]) : new T('float32', new Float32Array(0), [2, heads, 0, headDim]);
      }
      return f;
    };
    const nodeFirst = await nodeSession.run(feeds(ort.Tensor) as Record<string, ort.Tensor>);
    const webFirst = await webSession.run(feeds(web.Tensor) as never);
    expect(maxDiff(webFirst.logits!.data as Float32Array, logitsOf(nodeFirst))).toBeLessThan(1e-4);
    const nodeSecond = await nodeSession.run(feeds(ort.Tensor, nodeFirst) as Record<string, ort.Tensor>);
    const webSecond = await webSession.run(feeds(web.Tensor, webFirst as never) as never);
    expect(maxDiff(webSecond.logits!.data as Float32Array, logitsOf(nodeSecond))).toBeLessThan(1e-4);
    await webSession.release();
  });
});
