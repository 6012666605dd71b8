// How the runtime sizes and types a graph's inputs (src/runtime/lm/graphInputs.ts): the session's
// input metadata first, config.json's rules where a dim is symbolic, named errors where the two
// disagree or an input cannot be fed. Configs are the fixture matrix's shrunk ones
// (tests/fixtures/hub-matrix, FIXTURES.md): hidden 64, 4 attention heads.
import { describe, expect, it } from 'vitest';
import { ModelConfigMismatchError, UnsupportedModelError } from '../../../src/core/errors';
import { FEEDABLE_INPUTS, planGraphInputs, type InputMetadata } from '../../../src/runtime/lm/graphInputs';

const FILE = 'onnx/model.onnx';
const ids = (type = 'int64'): InputMetadata[] => [
  { name: 'input_ids', isTensor: true, type, shape: ['batch_size', 'sequence_length'] },
  { name: 'attention_mask', isTensor: true, type, shape: ['batch_size', 'total_sequence_length'] },
  { name: 'position_ids', isTensor: true, type, shape: ['batch_size', 'sequence_length'] },
];
const past = (layers: number, heads: number | string, headDim: number | string, type = 'float32'): InputMetadata[] =>
  Array.from({ length: layers }, (_, i) =>
    ['key', 'value'].map((kv) => ({ name: `past_key_values.${i}.${kv}`, isTensor: true, type, shape: ['batch_size', heads, 'past_sequence_length', headDim] })),
  ).flat();
const plan = (meta: InputMetadata[], config: Record<string, unknown>, withMeta = true) =>
  planGraphInputs(
    meta.map((m) => m.name),
    withMeta ? meta : undefined,
    config,
    FILE,
  );

const LLAMA = { model_type: 'llama', hidden_size: 64, num_attention_heads: 4, num_key_value_heads: 2 };
const QWEN3 = { model_type: 'qwen3', hidden_size: 64, num_attention_heads: 4, num_key_value_heads: 2, head_dim: 32 };
const GEMMA3 = { model_type: 'gemma3_text', hidden_size: 64, num_attention_heads: 4, num_key_value_heads: 1, head_dim: 32 };
const GPT2 = { model_type: 'gpt2', n_embd: 64, n_head: 4 };

describe('planGraphInputs: key/value sizes', () => {
  it('GQA Llama without head_dim, symbolic dims: 2 kv heads of 64 / 4 = 16 (not hidden / kv heads = 32)', () => {
    const p = plan([...ids(), ...past(2, 'num_kv', 'head')], LLAMA);
    expect([p.kvHeads, p.headDim, p.kvType]).toEqual([2, 16, 'float32']);
    expect(p.pastNames).toEqual(['past_key_values.0.key', 'past_key_values.0.value', 'past_key_values.1.key', 'past_key_values.1.value']);
  });

  it('explicit head_dim wins over hidden / heads (Qwen3: 32, not 16)', () => {
    expect(plan([...ids(), ...past(2, 'h', 'd')], QWEN3)).toMatchObject({ kvHeads: 2, headDim: 32 });
  });

  it('one kv head (Gemma 3), static in the graph and agreeing with the config', () => {
    expect(plan([...ids(), ...past(2, 1, 32)], GEMMA3)).toMatchObject({ kvHeads: 1, headDim: 32 });
  });

  it('GPT-2 field names: n_head heads of n_embd / n_head', () => {
    expect(plan([...ids(), ...past(2, 'h', 'd')], GPT2)).toMatchObject({ kvHeads: 4, headDim: 16 });
  });

  it('static graph dims are used when the config has no size fields', () => {
    expect(plan([...ids(), ...past(1, 3, 8)], { model_type: 'x' })).toMatchObject({ kvHeads: 3, headDim: 8 });
  });

  it('without metadata (older ORT) the config rules alone size the cache', () => {
    expect(plan([...ids(), ...past(2, 'h', 'd')], LLAMA, false)).toMatchObject({ kvHeads: 2, headDim: 16, kvType: 'float32' });
  });

  it('a config that contradicts a static dim is a ModelConfigMismatchError naming config.json, the rule, the file and the input', () => {
    // A Qwen3 graph (head size 32) with a Qwen2-style config (no head_dim → 16).
    const { head_dim: _dropped, ...noHeadDim } = QWEN3;
    const err = (() => {
      try {
        plan([...ids(), ...past(2, 2, 32)], noHeadDim);
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(ModelConfigMismatchError);
    expect(err.message).toBe(
      'config.json gives a key/value head size of 16 (hidden_size 64 / num_attention_heads 4 = 16) but onnx/model.onnx declares input "past_key_values.0.key" with 32; use the config.json that came with this ONNX export.',
    );
    // kv heads: a config without num_key_value_heads means 4 heads, the GQA graph has 2.
    const { num_key_value_heads: _kv, ...noKv } = LLAMA;
    expect(() => plan([...ids(), ...past(2, 2, 16)], noKv)).toThrow(/key\/value head count of 4 \(num_attention_heads 4\).*declares input "past_key_values.0.key" with 2/);
  });

  it('a symbolic dim the config cannot fill is a ModelConfigMismatchError', () => {
    expect(() => plan([...ids(), ...past(1, 'h', 'd')], { num_attention_heads: 4 })).toThrow(ModelConfigMismatchError);
    expect(() => plan([...ids(), ...past(1, 'h', 'd')], { num_attention_heads: 4 })).toThrow(
      /config.json does not give the key\/value head size \(head_dim, or hidden_size and num_attention_heads missing\) and onnx\/model.onnx leaves it open for input "past_key_values.0.key"/,
    );
    expect(() => plan([...ids(), ...past(1, 'h', 'd')], { hidden_size: 60, num_attention_heads: 8 })).toThrow(/hidden_size 60 \/ num_attention_heads 8 = 7.5 is not a whole number/);
  });
});

describe('planGraphInputs: element types', () => {
  it('float16 keys/values (fp16 / q4f16 exports) and int32 ids are taken from the metadata', () => {
    const p = plan([...ids('int32'), ...past(2, 'h', 'd', 'float16')], LLAMA);
    expect(p.kvType).toBe('float16');
    expect([...p.idTypes]).toEqual([
      ['input_ids', 'int32'],
      ['attention_mask', 'int32'],
      ['position_ids', 'int32'],
    ]);
  });

  it('other key/value types and layers of different shapes are refused by name', () => {
    expect(() => plan([...ids(), ...past(1, 'h', 'd', 'bfloat16')], LLAMA)).toThrow(
      'onnx/model.onnx declares input "past_key_values.0.key" as bfloat16; this runtime feeds keys/values as float32 or float16.',
    );
    const mixed = [...ids(), ...past(1, 2, 16), ...past(2, 2, 8).slice(2)];
    expect(() => plan(mixed, {})).toThrow(UnsupportedModelError);
  });

  it('an input the runtime cannot feed is refused with the one sentence that lists what it feeds', () => {
    const meta = [...ids(), { name: 'num_logits_to_keep', isTensor: true, type: 'int64', shape: [] }];
    expect(() => plan(meta, LLAMA)).toThrow(
      new UnsupportedModelError(`onnx/model.onnx needs an input "num_logits_to_keep" that this runtime cannot feed (it feeds ${FEEDABLE_INPUTS}).`),
    );
    expect(FEEDABLE_INPUTS).toBe('input_ids, attention_mask, position_ids, token_type_ids, past_key_values.*, use_cache_branch');
  });

  it('no past inputs: no cache (masked LMs, exports without past)', () => {
    const p = plan([...ids(), { name: 'token_type_ids', isTensor: true, type: 'int64', shape: ['b', 's'] }], {});
    expect(p.pastNames).toEqual([]);
    expect(p.idTypes.get('token_type_ids')).toBe('int64');
  });
});
