// Parsing of numeric and enumerated CLI flags, with messages that name the flag. Whole numbers are
// read by the grammar the page's option fields use (core/input/runOptionFields.ts): the same
// spellings are taken and refused, with the same sentence. A flag that the command or the probe's
// kind does not read is refused rather than silently ignored.
import { DEVICE_CHOICES, parseDeviceChoice, type DeviceChoice } from '../core/backends';
import { readDecimalInteger, type IntegerRange } from '../core/input/decimalInteger';
import { quoteInput } from '../core/input/quoteInput';
import { readOptionFlag, type IntegerRunOption } from '../core/input/runOptionFields';
import { UsageError } from './cliError';
import type { CliValues } from './main';

/** A whole-number run option (--seed, --permutations, --bootstrap, --batch-size), or its default when absent. */
export function integerFlag(option: IntegerRunOption, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const read = readOptionFlag(option, value);
  if (!read.ok) throw new UsageError(read.message);
  return read.value;
}

/** A whole-number flag that is no run option (--limit), read by the same grammar, named by the flag. */
export function countFlag(name: string, value: string, range: IntegerRange): number {
  const read = readDecimalInteger(value, range, `--${name}`);
  if (!read.ok) throw new UsageError(read.message);
  return read.value;
}

export function choiceFlag<T extends string>(value: string | undefined, name: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got ${quoteInput(value)}`);
  }
  return value as T;
}

/** --device in the backend vocabulary (core/backends.ts); the old word 'cpu' is read as 'node' (onnxruntime-node). */
export function deviceFlag(value: string): DeviceChoice {
  const choice = parseDeviceChoice(value);
  if (choice === null) throw new UsageError(`--device must be one of ${DEVICE_CHOICES.join(', ')} (cpu still means node); got ${quoteInput(value)}`);
  return choice;
}

/**
 * Refuse any of `flags` that was given: "--text is not read by `run` (they are for `score`); leave it
 * out." `why` finishes the sentence after "is not read by".
 */
export function refuseFlags(values: CliValues, flags: readonly (keyof CliValues)[], why: string): void {
  const given = flags.filter((f) => values[f] !== undefined);
  if (given.length === 0) return;
  const list = given.map((f) => `--${f}`).join(', ');
  throw new UsageError(`${list} ${given.length === 1 ? 'is' : 'are'} not read by ${why}; leave ${given.length === 1 ? 'it' : 'them'} out.`);
}

/** Flags of `run` and `score` that the listing commands (`models`, `probes`) have no use for. */
export const LISTING_IGNORES: readonly (keyof CliValues)[] = ['model', 'seed', 'permutations', 'bootstrap', 'sd', 'items', 'text', 'prefix', 'models-dir', 'batch-size', 'device', 'dtype', 'input-format', 'limit', 'sets'];
