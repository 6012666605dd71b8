// Parsing of numeric and enumerated CLI flags, with messages that name the flag.
import { DEVICE_CHOICES, parseDeviceChoice, type DeviceChoice } from '../core/backends';
import { UsageError } from './cliError';

export function intFlag(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${value}'`);
  return n;
}

export function choiceFlag<T extends string>(value: string | undefined, name: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got '${value}'`);
  }
  return value as T;
}

/** --device in the backend vocabulary (core/backends.ts); the old word 'cpu' is read as 'node' (onnxruntime-node). */
export function deviceFlag(value: string): DeviceChoice {
  const choice = parseDeviceChoice(value);
  if (choice === null) throw new UsageError(`--device must be one of ${DEVICE_CHOICES.join(', ')} (cpu still means node); got '${value}'`);
  return choice;
}
