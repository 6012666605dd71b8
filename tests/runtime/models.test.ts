// The model registry as data: the size rule worked out by hand, the one published listing kept as
// published, every Hub entry not verified online with a size for each dtype it lists, every entry
// with a licence and a citation, the one modality rule for the CLI and the app, and — where the
// fixture matrix is present — each entry's matrix row having the entry's architecture as its
// config.json model_type.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_REGISTRY, findLm, listModels, modelModality, sizesFromParameters, type LmModelEntry } from '../../src/runtime/models';

const MATRIX = path.join(import.meta.dirname, '..', 'fixtures', 'hub-matrix');

const LMS = listModels().filter((m): m is LmModelEntry => m.kind !== 'word-embedding');

describe('model registry', () => {
  it('sizes from parameters: ×4, ×2, ×1 bytes as estimates, ×0.5 as a lower bound for 4-bit', () => {
    // 135M: 540, 270, 135, 67.5 → 68 (rounded half up).
    expect(sizesFromParameters(135, ['fp32', 'fp16', 'q8', 'q4', 'q4f16'])).toEqual({
      fp32: { mb: 540, basis: 'estimate' },
      fp16: { mb: 270, basis: 'estimate' },
      q8: { mb: 135, basis: 'estimate' },
      q4: { mb: 68, basis: 'at-least' },
      q4f16: { mb: 68, basis: 'at-least' },
    });
    expect(sizesFromParameters(1230, ['fp32', 'q4f16'])).toEqual({ fp32: { mb: 4920, basis: 'estimate' }, q4f16: { mb: 615, basis: 'at-least' } });
  });

  it('keeps the published SmolLM2-135M listing and estimates only the dtype it does not give', () => {
    expect(findLm('HuggingFaceTB/SmolLM2-135M-Instruct')!.sizes).toEqual({
      fp32: { mb: 654, basis: 'published' },
      fp16: { mb: 327, basis: 'published' },
      q8: { mb: 135, basis: 'estimate' },
      q4: { mb: 200, basis: 'published' },
      q4f16: { mb: 134, basis: 'published' },
    });
  });

  it('every Hub entry is an LM, is not verified online, and has a size for each dtype it lists', () => {
    const hub = LMS.filter((m) => m.source === 'hub');
    expect(hub.length).toBe(16);
    expect(listModels().filter((m) => m.source === 'hub').length).toBe(16);
    for (const m of hub) {
      expect([m.id, m.verifiedOnline]).toEqual([m.id, false]);
      expect(Object.keys(m.sizes).sort()).toEqual([...m.dtypes].sort());
      expect(m.matrixRow).toMatch(/^matrix\/[\w-]+$/);
    }
    // The matrix's architectures are all covered except mistral (7B: no browser-sized repo).
    expect([...new Set(hub.map((m) => m.architecture))].sort()).toEqual(
      ['bert', 'distilbert', 'gemma3_text', 'gpt2', 'gpt_neox', 'llama', 'phi3', 'qwen2', 'qwen3', 'roberta', 'xlm-roberta'].sort(),
    );
  });

  it.skipIf(!existsSync(path.join(MATRIX, 'matrix')))('each matrix row has the model_type of the entries it covers', () => {
    for (const m of LMS) {
      if (!m.matrixRow) continue;
      const config = JSON.parse(readFileSync(path.join(MATRIX, m.matrixRow, 'config.json'), 'utf8')) as { model_type: string };
      expect([m.id, config.model_type]).toEqual([m.id, m.architecture]);
    }
  });

  it('lists word vectors first, then the embedded LMs, each keyed by its own id with a licence and a citation', () => {
    expect(listModels().slice(0, 3).map((m) => [m.id, m.kind, m.source])).toEqual([
      ['glove-6b-100d', 'word-embedding', 'embedded'],
      ['workbench/tiny-gpt2', 'causal-lm', 'embedded'],
      ['workbench/tiny-bert', 'masked-lm', 'embedded'],
    ]);
    for (const [key, m] of Object.entries(MODEL_REGISTRY)) {
      expect(m.id).toBe(key);
      expect(m.licence.length * m.citation.length).toBeGreaterThan(0);
      expect(Object.keys(m.sizes).sort()).toEqual([...m.dtypes].sort());
    }
    expect(MODEL_REGISTRY['glove-6b-100d']).toMatchObject({ dims: 100, dtypes: ['q13'], path: 'models/glove-6b-100d/' });
  });

  it('says word vectors or LM from the id alone, for the CLI and the app alike', () => {
    expect(['glove-6b-100d', 'user:mine'].map(modelModality)).toEqual(['vectors', 'vectors']);
    expect(['workbench/tiny-bert', 'Xenova/gpt2', 'hub:org/m', 'local/folder', './some/folder', 'org/not-curated'].map(modelModality)).toEqual(Array(6).fill('lm'));
    expect(findLm('glove-6b-100d')).toBeUndefined();
  });
});
