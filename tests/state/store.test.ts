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
});
