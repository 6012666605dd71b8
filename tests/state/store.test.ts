// The zustand store persists the editor draft, options and model choice (not progress or errors),
// so a reload loses nothing typed. Runs in Node with a Map-backed localStorage.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeStorage } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('useWorkbench persistence', () => {
  it('keeps the draft and options across a reload, but not transient progress', async () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench } = await import('../../src/state/store');
    const s = useWorkbench.getState();
    s.setWords('X', 'rose\ntulip');
    s.setLabel('X', 'My flowers');
    s.setOption('seed', 42);
    s.setRunProgress({ stage: 'embedding', unit: 'words', count: 4 });
    const saved = JSON.parse(storage.raw.get('bias-workbench:v1')!);
    expect(saved.state.draft.words.X).toBe('rose\ntulip');
    expect(saved.state.runProgress).toBeUndefined();

    vi.resetModules();
    const again = (await import('../../src/state/store')).useWorkbench.getState();
    expect(again.draft.words.X).toBe('rose\ntulip');
    expect(again.draft.labels.X).toBe('My flowers');
    expect(again.options.seed).toBe(42);
    expect(again.options.permutations).toBe(100_000);
    expect(again.runProgress).toBeNull();
  });

  it('fills options added later with their defaults (merge)', async () => {
    const storage = fakeStorage();
    storage.setItem('bias-workbench:v1', JSON.stringify({ state: { options: { seed: 9 } }, version: 1 }));
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench } = await import('../../src/state/store');
    expect(useWorkbench.getState().options).toMatchObject({ seed: 9, bootstrap: 2000, sd: 'sample' });
  });

  it('does not restore a user-vectors model after a reload (its vectors lived in the old tab)', async () => {
    const storage = fakeStorage();
    storage.setItem('bias-workbench:v1', JSON.stringify({ state: { modelId: 'user:my-vectors' }, version: 1 }));
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench } = await import('../../src/state/store');
    expect(useWorkbench.getState().modelId).toBe('glove-6b-100d');
  });

  it('does not restore a model whose load failed: the last model that loaded stands in, else the default', async () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench } = await import('../../src/state/store');
    const s = useWorkbench.getState();
    s.setModelId('tiny-gpt2');
    s.modelLoaded('tiny-gpt2', 'auto');
    s.setModelId('hub:org/broken');
    s.modelFailed('hub:org/broken');
    vi.resetModules();
    expect((await import('../../src/state/store')).useWorkbench.getState().modelId).toBe('tiny-gpt2');

    // a model that failed once and then loaded is restored
    const again = (await import('../../src/state/store')).useWorkbench.getState();
    again.setModelId('hub:org/flaky');
    again.modelFailed('hub:org/flaky');
    again.modelLoaded('hub:org/flaky', 'auto');
    vi.resetModules();
    expect((await import('../../src/state/store')).useWorkbench.getState().modelId).toBe('hub:org/flaky');
  });
});

describe('restoredModelId', () => {
  it('keeps a working selection, replaces a failed one, never restores tab-only models', async () => {
    const { restoredModelId } = await import('../../src/state/store');
    expect(restoredModelId({ modelId: 'hub:a/b', failedModelId: null }, 'glove-6b-100d')).toBe('hub:a/b');
    expect(restoredModelId({ modelId: 'hub:a/b', failedModelId: 'hub:a/b', lastWorking: { modelId: 'tiny-gpt2', device: 'auto' } }, 'glove-6b-100d')).toBe('tiny-gpt2');
    expect(restoredModelId({ modelId: 'hub:a/b', failedModelId: 'hub:a/b', lastWorking: null }, 'glove-6b-100d')).toBe('glove-6b-100d');
    expect(restoredModelId({ modelId: 'hub:a/b', failedModelId: 'hub:a/b', lastWorking: { modelId: 'local/x', device: 'auto' } }, 'glove-6b-100d')).toBe('glove-6b-100d');
    expect(restoredModelId({ modelId: 'user:v' }, 'glove-6b-100d')).toBe('glove-6b-100d');
  });
});

describe('the workbench session', () => {
  it('opening another probe hides the results of the one before', async () => {
    vi.stubGlobal('localStorage', fakeStorage());
    const { useWorkbench } = await import('../../src/state/store');
    const { emptyDraft } = await import('../../src/state/draft');
    const s = useWorkbench.getState();
    s.openRun('run-1');
    s.setLastFinished('Finished “WEAT 1”: d = 1.1.');
    s.offerDraft({ editor: 'association', draft: { ...emptyDraft(), id: 'other' }, title: 'other', from: 'the library', notice: null });
    expect(useWorkbench.getState().currentRunId).toBeNull();
    expect(useWorkbench.getState().lastFinished).toBeNull();
    expect(useWorkbench.getState().draft.id).toBe('other');
  });
  it('Reset options restores the defaults and clears an option field left invalid', async () => {
    vi.stubGlobal('localStorage', fakeStorage());
    const { useWorkbench } = await import('../../src/state/store');
    const s = useWorkbench.getState();
    s.setOption('seed', 7);
    s.setOptionValidity('Permutations', false);
    expect(useWorkbench.getState().invalidOptions).toEqual(['Permutations']);
    s.resetOptions();
    const after = useWorkbench.getState();
    expect(after.invalidOptions).toEqual([]);
    expect(after.options.seed).toBe(1);
    expect(after.optionsResets).toBe(1);
  });
});

