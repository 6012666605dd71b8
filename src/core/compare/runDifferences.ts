// What differs between runs put side by side: the model, its dtype, the seed and each option, named
// with every run's value. Compare labels its columns with these (and only these), so two runs that
// differ in the SD convention are not told apart by their seeds alone.
export interface ComparedRun {
  model: { id: string; dtype: string };
  seed: number;
  options: object;
}

export interface RunDifference {
  /** "model", "dtype", "seed", or the option's name, e.g. "sd". */
  field: string;
  /** Whether it is one of the run's options (rather than its model or seed). */
  option: boolean;
  /** Each run's value as text, in the runs' order ("—" where a run does not have the option). */
  values: string[];
}

const ABSENT = '—';

const text = (v: unknown): string => (v === undefined ? ABSENT : typeof v === 'string' ? v : JSON.stringify(v));

/** The fields whose values are not all equal, model and dtype and seed first, then options by name. */
export function runDifferences(runs: readonly ComparedRun[]): RunDifference[] {
  const out: RunDifference[] = [];
  const push = (field: string, option: boolean, values: string[]) => {
    if (new Set(values).size > 1) out.push({ field, option, values });
  };
  push('model', false, runs.map((r) => r.model.id));
  push('dtype', false, runs.map((r) => r.model.dtype));
  push('seed', false, runs.map((r) => String(r.seed)));
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.options)))].filter((k) => k !== 'seed').sort();
  for (const name of names) push(name, true, runs.map((r) => text((r.options as Record<string, unknown>)[name])));
  return out;
}
