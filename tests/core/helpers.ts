// Shared builders for the core tests: AssociationInputs from plain number arrays, and the golden
// fixtures written by scripts/reference/weat_reference.py.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AssociationInput, EmbeddedSet, SetKey } from '../../src/core/association/types';

export const setOf = (label: string, vectors: readonly (readonly number[])[], items?: string[]): EmbeddedSet => ({
  label,
  items: items ?? vectors.map((_, i) => `${label}${i + 1}`),
  vectors: vectors.map((v) => Float32Array.from(v)),
  oov: [],
});

export const inputOf = (vectors: Record<SetKey, readonly (readonly number[])[]>, probeId = 'test-probe'): AssociationInput => ({
  probeId,
  title: `Test ${probeId}`,
  kind: 'weat',
  sets: { X: setOf('x', vectors.X), Y: setOf('y', vectors.Y), A: setOf('a', vectors.A), B: setOf('b', vectors.B) },
});

export const swapTargets = (input: AssociationInput): AssociationInput => ({
  ...input,
  sets: { ...input.sets, X: input.sets.Y, Y: input.sets.X },
});

export interface CaseFixture {
  generatedBy: string;
  name: string;
  dim: number;
  vectors: Record<SetKey, number[][]>;
  s: { X: number[]; Y: number[] };
  statistic: number;
  effectSize: { sample: number; population: number };
  exact: { extreme: number; partitions: number; pValue: number; observed: number };
  bootstrap: {
    sd: 'sample';
    level: number;
    indices: Record<SetKey, number[]>[];
    replicates: number[];
    percentile: [number, number];
    jackknife: Record<SetKey, number[]>;
    acceleration: number;
    bca: [number, number];
  };
  wefe: {
    rnd: Record<'A' | 'B', { mean: number; sum: number; perWord: number[] }>;
    mac: Record<'X' | 'Y', number>;
    ect: Record<'A' | 'B', number>;
    rnsb: Record<'interceptFree' | 'interceptPenalized', { value: number; negativeProbabilities: number[]; gradientNorm: number }>;
  };
}

const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'reference');

export const loadCaseFixtures = (): CaseFixture[] =>
  readdirSync(fixtureDir)
    .filter((f) => f.startsWith('weat-') && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(fixtureDir, f), 'utf8')) as CaseFixture);

export const loadMiscFixture = () => JSON.parse(readFileSync(join(fixtureDir, 'misc.json'), 'utf8'));

export const inputFromFixture = (fixture: CaseFixture): AssociationInput => inputOf(fixture.vectors, `fixture-${fixture.name}`);
