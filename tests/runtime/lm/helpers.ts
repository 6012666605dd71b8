// Shared setup for the LM tests that load the real embedded models (public/models/workbench/…).
// LM_TEST_MODELS_DIR points the tests at another folder with the same layout (used while the
// embedded models were being trained); unset, the committed models are used.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const MODELS_DIR = path.resolve(process.env.LM_TEST_MODELS_DIR ?? path.join(repo, 'public', 'models'));
export const FIXTURES_DIR = path.resolve(process.env.LM_TEST_FIXTURES_DIR ?? path.join(repo, 'tests', 'fixtures', 'lm'));
export const GPT = 'workbench/tiny-gpt2';
export const BERT = 'workbench/tiny-bert';

export const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export const maxAbsDiff = (a: readonly number[], b: readonly number[]) => {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
};

export const SENTENCES = [
  'The doctor said that she was tired.',
  'He worked as a nurse in the city.',
  'It was the best of times, it was the worst of times.',
  'Call me Ishmael.',
  'The president of the United States spoke to Congress about the state of the Union.',
  'a',
];
