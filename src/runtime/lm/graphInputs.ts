// What each input of an exported LM graph gets: its element type and, for the key/value cache, the
// head count and head size of an empty (past length 0) cache. The graph decides first: ONNX Runtime
// sessions (onnxruntime-node and onnxruntime-web, ≥ 1.22) list `inputMetadata` — {name, isTensor,
// type, shape}, a shape holding numbers for static dims and strings for symbolic ones. A dim the
// graph leaves symbolic comes from config.json by the rules the Hub configs follow:
//   key/value heads = num_key_value_heads ?? num_attention_heads ?? n_head   (GQA / MQA / plain)
//   head size       = head_dim ?? hidden_size / num_attention_heads        (n_embd / n_head in GPT-2)
// A static dim that the config's rule contradicts is an error naming both files, not a silent
// choice: a config copied from another model would otherwise give plausible but wrong scores.
// Any input outside the known set is refused by name, before a run can fail on it. `logits_positions`
// is known too: graphs this runtime rewrote itself take it (logitsAtPositions.ts; int64, fed there).
import { ModelConfigMismatchError, UnsupportedModelError } from '../../core/errors';
import { LOGITS_POSITIONS } from './logitsAtPositions';

/** One entry of an ORT session's inputMetadata (onnxruntime-common InferenceSession.ValueMetadata). */
export interface InputMetadata {
  readonly name: string;
  readonly isTensor: boolean;
  readonly type?: string;
  readonly shape?: ReadonlyArray<number | string>;
}

/** The inputs this runtime feeds, as named in its errors. */
export const FEEDABLE_INPUTS = 'input_ids, attention_mask, position_ids, token_type_ids, past_key_values.*, use_cache_branch';

const ID_INPUTS = ['input_ids', 'attention_mask', 'position_ids', 'token_type_ids'] as const;
const PAST_PREFIX = 'past_key_values.';

type IdElementType = 'int64' | 'int32';
type KvElementType = 'float32' | 'float16';

interface GraphInputPlan {
  /** Element type of each id-like input the graph has (input_ids, attention_mask, position_ids, token_type_ids). */
  idTypes: ReadonlyMap<string, IdElementType>;
  /** past_key_values.* inputs in graph order (empty: no KV cache). */
  pastNames: readonly string[];
  /** Key/value heads and head size of every past input ([batch, heads, past, headDim]); 0 without a cache. */
  kvHeads: number;
  headDim: number;
  /** Element type of the past inputs (float16 in fp16 / q4f16 exports). */
  kvType: KvElementType;
  hasUseCacheBranch: boolean;
}

type Config = Record<string, unknown>;

const firstPositive = (config: Config, keys: readonly string[]): { key: string; value: number } | undefined => {
  for (const key of keys) {
    const v = config[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return { key, value: v };
  }
  return undefined;
};

/** Key/value heads by the config's rule, with the field it came from. */
function kvHeadsFromConfig(config: Config): { value: number; rule: string } | undefined {
  const f = firstPositive(config, ['num_key_value_heads', 'num_attention_heads', 'n_head', 'n_heads']);
  return f && { value: f.value, rule: `${f.key} ${f.value}` };
}

/** Head size by the config's rule (head_dim, else hidden size / attention heads), with how it was worked out. */
function headDimFromConfig(config: Config): { value: number; rule: string } | undefined {
  const explicit = firstPositive(config, ['head_dim']);
  if (explicit) return { value: explicit.value, rule: `head_dim ${explicit.value}` };
  const hidden = firstPositive(config, ['hidden_size', 'n_embd', 'd_model']);
  const heads = firstPositive(config, ['num_attention_heads', 'n_head', 'n_heads']);
  if (!hidden || !heads) return undefined;
  const value = hidden.value / heads.value;
  return { value, rule: `${hidden.key} ${hidden.value} / ${heads.key} ${heads.value} = ${value}` };
}

/**
 * The feeding plan of a graph. `metadata` is the session's inputMetadata (undefined: an ORT build
 * without it, and every size comes from the config); `file` names the graph in errors.
 * @throws UnsupportedModelError for an input this runtime cannot feed or an element type it does not handle
 * @throws ModelConfigMismatchError when config.json contradicts a static size of the graph, or lacks one the graph leaves open
 */
export function planGraphInputs(inputNames: readonly string[], metadata: readonly InputMetadata[] | undefined, config: Config, file: string): GraphInputPlan {
  const meta = new Map((metadata ?? []).map((m) => [m.name, m]));
  const idTypes = new Map<string, IdElementType>();
  const pastNames: string[] = [];
  let hasUseCacheBranch = false;
  for (const name of inputNames) {
    if (name === LOGITS_POSITIONS) continue;
    const m = meta.get(name);
    const known = (ID_INPUTS as readonly string[]).includes(name) || name.startsWith(PAST_PREFIX) || name === 'use_cache_branch';
    if (!known || (m && !m.isTensor))
      throw new UnsupportedModelError(`${file} needs an input "${name}" that this runtime cannot feed (it feeds ${FEEDABLE_INPUTS}).`);
    if (name.startsWith(PAST_PREFIX)) pastNames.push(name);
    else if (name === 'use_cache_branch') hasUseCacheBranch = true;
    else {
      const type = m?.type ?? 'int64';
      if (type !== 'int64' && type !== 'int32')
        throw new UnsupportedModelError(`${file} declares input "${name}" as ${type}; this runtime feeds it as int64 or int32.`);
      idTypes.set(name, type);
    }
  }
  if (!pastNames.length) return { idTypes, pastNames, kvHeads: 0, headDim: 0, kvType: 'float32', hasUseCacheBranch };

  const heads = kvHeadsFromConfig(config);
  const size = headDimFromConfig(config);
  /** One dim of one past input: the graph's static value, checked against the config's rule; else the rule. */
  const dim = (name: string, graphDim: number | string | undefined, rule: { value: number; rule: string } | undefined, what: string, fields: string) => {
    if (typeof graphDim === 'number' && graphDim > 0) {
      if (rule && rule.value !== graphDim)
        throw new ModelConfigMismatchError(
          `config.json gives a key/value ${what} of ${rule.value} (${rule.rule}) but ${file} declares input "${name}" with ${graphDim}; use the config.json that came with this ONNX export.`,
        );
      return graphDim;
    }
    if (!rule || !Number.isInteger(rule.value))
      throw new ModelConfigMismatchError(
        `config.json does not give the key/value ${what} (${fields}${rule ? `: ${rule.rule} is not a whole number` : ' missing'}) and ${file} leaves it open for input "${name}"; add the field from the original model's config.json.`,
      );
    return rule.value;
  };
  let plan: { kvHeads: number; headDim: number; kvType: KvElementType } | null = null;
  for (const name of pastNames) {
    const m = meta.get(name);
    const shape = m?.shape && m.shape.length ? m.shape : undefined;
    if (shape && shape.length !== 4)
      throw new UnsupportedModelError(`${file} declares input "${name}" with ${shape.length} dims; this runtime feeds keys/values as [batch, heads, past, head size].`);
    const type = m?.type ?? 'float32';
    if (type !== 'float32' && type !== 'float16')
      throw new UnsupportedModelError(`${file} declares input "${name}" as ${type}; this runtime feeds keys/values as float32 or float16.`);
    const kvHeads = dim(name, shape?.[1], heads, 'head count', 'num_key_value_heads / num_attention_heads / n_head');
    const headDim = dim(name, shape?.[3], size, 'head size', 'head_dim, or hidden_size and num_attention_heads');
    if (!plan) plan = { kvHeads, headDim, kvType: type };
    else if (plan.kvHeads !== kvHeads || plan.headDim !== headDim || plan.kvType !== type)
      throw new UnsupportedModelError(
        `${file}'s key/value inputs differ in shape or type ("${pastNames[0]}": ${plan.kvHeads}×${plan.headDim} ${plan.kvType}, "${name}": ${kvHeads}×${headDim} ${type}); this runtime needs one shape for every layer.`,
      );
  }
  return { idTypes, pastNames, ...plan!, hasUseCacheBranch };
}
