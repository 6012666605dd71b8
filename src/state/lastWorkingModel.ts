// The model that last loaded and ran in this tab, so that a model that then fails to load (a broken
// folder, a truncated download) can offer the way back to it. The model worker keeps the earlier
// model loaded until a replacement has loaded, so going back is instant and downloads nothing.
// Kept per tab in memory: a reload starts from the stored selection anyway.
import { create } from 'zustand';

interface LastWorkingModel {
  /** Id and device of the last model that loaded; null before any did. */
  last: { modelId: string; device: string } | null;
  remember(modelId: string, device: string): void;
}

export const useLastWorkingModel = create<LastWorkingModel>((set, get) => ({
  last: null,
  remember: (modelId, device) => {
    const l = get().last;
    if (!l || l.modelId !== modelId || l.device !== device) set({ last: { modelId, device } });
  },
}));
