// The model picker's ids → LM runtime sources: embedded registry models stay local, curated Hub
// models, free Hub ids and ids the registry no longer holds go to the chosen Hub host (normalised
// with a trailing slash), picked folders only while this tab holds their files; word-vector ids are
// not LMs.
import { describe, expect, it } from 'vitest';
import { findPickerModel, isLmModelId, lmSourceFor, PICKER_MODELS, modelTitle, parametersLabel, rememberLocalFolder, sizeLabel } from '../../src/state/models';

describe('picker models', () => {
  it('lists GloVe, then the embedded LMs, and marks Hub ones as needing internet', () => {
    expect(PICKER_MODELS.slice(0, 3).map((m) => [m.id, m.modality])).toEqual([
      ['glove-6b-100d', 'vectors'],
      ['workbench/tiny-gpt2', 'lm'],
      ['workbench/tiny-bert', 'lm'],
    ]);
    expect(PICKER_MODELS.filter((m) => /needs internet/.test(m.title)).length).toBe(16);
    expect(findPickerModel('Xenova/gpt2')!.title).toBe('GPT-2 small (Hub) — needs internet');
  });
  it('maps ids to sources', () => {
    expect(lmSourceFor('workbench/tiny-gpt2', 'http://h')).toEqual({ type: 'embedded', id: 'workbench/tiny-gpt2' });
    expect(lmSourceFor('Xenova/gpt2', '')).toEqual({ type: 'hub', id: 'Xenova/gpt2' });
    expect(lmSourceFor('hub:org/m', 'http://127.0.0.1:9')).toEqual({ type: 'hub', id: 'org/m', remoteHost: 'http://127.0.0.1:9/' });
    expect(lmSourceFor('local/x', '')).toBeNull();
    const src = { type: 'files' as const, name: 'x', files: [] };
    rememberLocalFolder('local/x', src);
    expect(lmSourceFor('local/x', '')).toBe(src);
    expect(lmSourceFor('glove-6b-100d', '')).toBeNull();
    expect(lmSourceFor('user:mine', '')).toBeNull();
    expect(lmSourceFor('org/once-curated', '')).toEqual({ type: 'hub', id: 'org/once-curated' });
  });
  it('tells word vectors from LMs', () => {
    expect(isLmModelId('glove-6b-100d')).toBe(false);
    expect(isLmModelId('user:mine')).toBe(false);
    expect(isLmModelId('hub:a/b')).toBe(true);
    expect(isLmModelId('workbench/tiny-bert')).toBe(true);
    expect(modelTitle('hub:a/b')).toBe('a/b (Hub)');
    expect(modelTitle('local/x')).toBe('x (your folder)');
  });
  it('shows each curated model’s facts and a size per dtype (≈ estimate, ≥ lower bound)', () => {
    const smol = findPickerModel('HuggingFaceTB/SmolLM2-135M-Instruct')!;
    expect(smol.facts).toBe('llama · 135M parameters · chat template · tested offline with matrix/llama · needs internet, not verified online');
    expect(smol.sizes).toEqual({ fp32: '654 MB', fp16: '327 MB', q8: '≈135 MB', q4: '200 MB', q4f16: '134 MB' });
    expect(findPickerModel('onnx-community/Llama-3.2-1B-Instruct')!.sizes).toMatchObject({ fp32: '≈4,920 MB', q4f16: '≥615 MB' });
    expect(findPickerModel('workbench/tiny-gpt2')!.facts).toBe('gpt2 · 3.4M parameters · no chat template · works offline');
    expect(findPickerModel('workbench/tiny-gpt2')!.sizes).toEqual({ fp32: '13.7 MB', q8: '3.6 MB' });
    expect(findPickerModel('glove-6b-100d')!.facts).toBe('100 dimensions · q13 · works offline');
    expect([parametersLabel(1230), parametersLabel(0.96), parametersLabel(3800)]).toEqual(['1.23B', '0.96M', '3.8B']);
    expect(sizeLabel({ mb: 1976, basis: 'estimate' })).toBe('≈1,976 MB');
  });
});
