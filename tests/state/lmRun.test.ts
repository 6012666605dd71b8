// The LM run flow of the page (state/queries.ts executeRun ) with the worker client
// mocked: the LM is loaded through the LM runtime seam, the run record holds the LM model (id, dtype,
// backend, fallback reason), the LM options (DEFAULT_LM_RUN_OPTIONS + the user's seed) and the
// results union; a probe of the wrong modality for the model is refused with a clear message.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { getBuiltinProbe, getLmBuiltinProbe } from '../../src/probes/builtin';

const lmInfo = {
  id: 'workbench/tiny-gpt2',
  source: 'embedded',
  kind: 'causal-lm',
  modelType: 'gpt2',
  backend: 'wasm',
  fallbackReason: 'no WebGPU adapter',
  dtype: 'q8',
  availableDtypes: ['fp32', 'q8'],
  sha256: { 'onnx/model_quantized.onnx': 'c'.repeat(64) },
  vocabularySize: 4096,
  maxLength: 256,
};
const cfResult = { kind: 'counterfactual-pairs', probeId: 'lm-counterfactual-basic', title: 'CF', summary: { meanDelta: -0.5, n: 24, pctStereotype: 0.45, ci: null, signFlip: { pValue: 0.6 } }, items: [] };
const calls: unknown[] = [];

vi.mock('../../src/worker/client', async () => ({
  modelModality: (await vi.importActual<typeof import('../../src/runtime/models')>('../../src/runtime/models')).modelModality,
  CURATED_MODELS: [
    {
      id: 'workbench/tiny-gpt2',
      kind: 'causal-lm',
      title: 'Tiny GPT-2',
      source: 'embedded',
      needsInternet: false,
      dtypes: ['fp32', 'q8'],
      note: '',
      architecture: 'gpt2',
      parametersM: 3.4,
      chatTemplate: false,
      sizes: {},
      sizeSource: '',
      verifiedOnline: true,
    },
  ],
  warmUpScoring: vi.fn(),
  loadUserVectors: vi.fn(async () => {
    calls.push('loadUserVectors');
    return {};
  }),
  loadModel: vi.fn(),
  loadLm: vi.fn(async (source: unknown, prefs: unknown) => {
    calls.push({ source, prefs });
    return lmInfo;
  }),
  run: vi.fn(async (req: { options: { seed: number; batchSize: number } }, onProgress: (p: unknown) => void) => {
    calls.push({ options: req.options });
    onProgress({ stage: 'lm', step: 'score', done: 1, total: 2, test: 1, tests: 1 });
    return [cfResult];
  }),
}));

const { executeRun } = await import('../../src/state/queries');
const { useWorkbench } = await import('../../src/state/store');
const { getRun, setDb, WorkbenchDb } = await import('../../src/state/db');
const { runModality } = await import('../../src/state/runRecord');

describe('executeRun (LM probes)', () => {
  beforeEach(() => {
    setDb(new WorkbenchDb(`lm-run-${Math.random()}`));
    calls.length = 0;
    useWorkbench.setState({ lmDtype: 'q8', hubHost: '' });
  });

  it('loads the LM with the chosen dtype and stores an LM run record', async () => {
    const probe = getLmBuiltinProbe('lm-counterfactual-basic')!;
    const record = await executeRun(
      { probeId: probe.id, title: probe.title, probes: [probe], modelId: 'workbench/tiny-gpt2', device: 'wasm', options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 7 } },
      new QueryClient(),
    );
    expect(calls[0]).toEqual({ source: { type: 'embedded', id: 'workbench/tiny-gpt2' }, prefs: { device: 'wasm', dtype: 'q8' } });
    expect((calls[1] as { options: { seed: number; batchSize: number } }).options).toMatchObject({ seed: 7, batchSize: 32, signFlipExactLimit: 20 });
    expect(runModality(record)).toBe('lm');
    expect(record.model).toMatchObject({ id: 'workbench/tiny-gpt2' });
    expect(record.model).toMatchObject({ id: 'workbench/tiny-gpt2', dtype: 'q8', backend: 'wasm', fallbackReason: 'no WebGPU adapter', assetSha256: 'c'.repeat(64) });
    expect(record.model.title).toBe('workbench/tiny-gpt2 (gpt2 causal-lm, q8, wasm)');
    expect(record.seed).toBe(7);
    const back = await getRun(record.runId);
    expect(back?.results[0]?.kind).toBe('counterfactual-pairs');
    expect(useWorkbench.getState().runProgress).toBeNull();
  });

  it('refuses an LM probe on word vectors, and a WEAT on a language model, with a clear message', async () => {
    const probe = getLmBuiltinProbe('lm-counterfactual-basic')!;
    await expect(
      executeRun({ probeId: probe.id, title: probe.title, probes: [probe], modelId: 'glove-6b-100d', device: 'auto', options: DEFAULT_ASSOCIATION_OPTIONS }, new QueryClient()),
    ).rejects.toThrow(/LM probes need a language model/);
    const weat = getBuiltinProbe('caliskan-weat-1');
    await expect(
      executeRun({ probeId: weat.id, title: weat.title, probes: [weat], modelId: 'workbench/tiny-gpt2', device: 'auto', options: DEFAULT_ASSOCIATION_OPTIONS }, new QueryClient()),
    ).rejects.toThrow(/WEAT and SEAT need word vectors/);
  });

  it('a free Hub id downloads only after the user approved it, from the Hub host the user set', async () => {
    useWorkbench.setState({ hubHost: 'http://127.0.0.1:9999', lmDtype: 'auto', approvedDownloads: [] });
    const probe = getLmBuiltinProbe('lm-counterfactual-basic')!;
    const run = () => executeRun({ probeId: probe.id, title: probe.title, probes: [probe], modelId: 'hub:org/model', device: 'auto', options: DEFAULT_ASSOCIATION_OPTIONS }, new QueryClient());
    await expect(run()).rejects.toThrow('org/model (Hub) has not been loaded: it downloads from http://127.0.0.1:9999/. Press “Load” in the model status above to download it.');
    expect(calls).toEqual([]);
    useWorkbench.getState().approveDownload('hub:org/model@http://127.0.0.1:9999/');
    const record = await run();
    // The record names the host, since it is not the Hugging Face Hub.
    expect(record.model.title.endsWith(' from http://127.0.0.1:9999/')).toBe(true);
    expect(calls[0]).toEqual({ source: { type: 'hub', id: 'org/model', remoteHost: 'http://127.0.0.1:9999/' }, prefs: { device: 'auto', dtype: 'auto' } });
  });
});

describe('loading a word-vectors file', () => {
  it('refuses a file over 2 GB before sending it to the model worker', async () => {
    const { loadUserVectorsFile } = await import('../../src/state/queries');
    const huge = new Blob(['x']);
    Object.defineProperty(huge, 'size', { value: 2_500_000_000 });
    calls.length = 0;
    await expect(loadUserVectorsFile(huge, 'glove.840B.300d.txt')).rejects.toThrow('glove.840B.300d.txt is 2500.0 MB; the limit for word-vector files is 2000 MB.');
    expect(calls).toEqual([]);
    await loadUserVectorsFile(new Blob(['rose 0.1 0.2\n']), 'small.vec');
    expect(calls).toEqual(['loadUserVectors']);
  });
});
