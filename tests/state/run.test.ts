// The run flow of the page (state/queries.ts executeRun) with the worker client mocked: a finished
// run is saved with model, seed and options (and still returned when IndexedDB is blocked); Cancel
// rejects at once even while the model loads; progress is cleared afterwards.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { flowersResult } from './fixtures';

const model = { id: 'glove-6b-100d', kind: 'word-embedding', title: 'GloVe', backend: 'webgpu', dims: 100, vocabularySize: 50_000, assetSha256: 'b'.repeat(64), dtype: 'q13', precision: 'unit vectors as 13-bit integers' };
let releaseModel: () => void = () => undefined;
vi.mock('../../src/worker/client', async () => ({
  modelModality: (await vi.importActual<typeof import('../../src/runtime/models')>('../../src/runtime/models')).modelModality,
  CURATED_MODELS: [],
  loadModel: vi.fn(() => new Promise((resolve) => (releaseModel = () => resolve(model)))),
  warmUpScoring: vi.fn(),
  run: vi.fn(async (_req: unknown, onProgress: (p: unknown) => void) => {
    onProgress({ stage: 'permutations', done: 1, total: 2, test: 1, tests: 1 });
    return [flowersResult()];
  }),
}));

const { executeRun, cancelRun } = await import('../../src/state/queries');
const { useWorkbench } = await import('../../src/state/store');
const { getRun, setDb, WorkbenchDb } = await import('../../src/state/db');
const { historyStatusNow } = await import('../../src/state/historyStatus');

const vars = () => ({
  probeId: 'caliskan-weat-1',
  title: 'WEAT 1',
  probes: [getBuiltinProbe('caliskan-weat-1')],
  modelId: 'glove-6b-100d',
  device: 'auto' as const,
  options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 11 },
});

describe('executeRun', () => {
  beforeEach(() => setDb(new WorkbenchDb(`run-${Math.random()}`)));

  it('saves a finished run with model, backend, seed and options', async () => {
    const qc = new QueryClient();
    const p = executeRun(vars(), qc);
    releaseModel();
    const record = await p;
    expect(record.model).toMatchObject({ id: 'glove-6b-100d', backend: 'webgpu', assetSha256: 'b'.repeat(64), dtype: 'q13', precision: 'unit vectors as 13-bit integers' });
    expect(record.seed).toBe(11);
    expect((record.results[0] as { effectSize?: number } | undefined)?.effectSize).toBe(1.17);
    expect((await getRun(record.runId))?.probeId).toBe('caliskan-weat-1');
    expect(useWorkbench.getState().runProgress).toBeNull();
  });

  it('returns the record (and keeps it for this tab) when IndexedDB cannot be opened', async () => {
    setDb(
      new WorkbenchDb(`blocked-${Math.random()}`, {
        indexedDB: {
          open: () => {
            throw new DOMException('The user denied permission to access the database.', 'SecurityError');
          },
        } as unknown as IDBFactory,
        IDBKeyRange,
      }),
    );
    const qc = new QueryClient();
    const p = executeRun(vars(), qc);
    releaseModel();
    const record = await p;
    expect((record.results[0] as { effectSize?: number } | undefined)?.effectSize).toBe(1.17);
    expect((await getRun(record.runId))?.runId).toBe(record.runId);
    expect(historyStatusNow().kind).toBe('memory-only');
  });

  it('Cancel while the model is still loading rejects at once with CancelledError', async () => {
    const qc = new QueryClient();
    const p = executeRun({ ...vars(), device: 'wasm' }, qc);
    cancelRun();
    await expect(p).rejects.toMatchObject({ message: 'The run was cancelled.' });
    await expect(p).rejects.toBeInstanceOf((await import('../../src/core/errors')).CancelledError);
    expect(useWorkbench.getState().runProgress).toBeNull();
    releaseModel();
  });
});
