// Client state only (what the user typed and chose, where they are in the app), as zustand
// slices combined once with the persist middleware applied to the whole store — the slices
// pattern from the zustand docs. Async results (model loads, runs, history) live in TanStack
// Query and IndexedDB (queries.ts, db.ts), not here. Persisted: the editor draft, the options,
// the model choice; so a reload loses nothing typed.
import { create, type StateCreator } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationOptions, type SetKey } from '../core/association/types';
import type { ErrorInfo } from '../core/errors';
import type { LmProbe } from '../probes/lmSchema';
import type { DevicePreference, LmDtype, ModelProgress, RunProgress } from '../worker/client';
import { emptyDraft, type DraftOrigin, type ProbeDraft } from './draft';
import { DEFAULT_MODEL_ID, LOCAL_PREFIX } from './models';

/** The LM probe being edited: its JSON text as typed (validated live, never rejected mid-keystroke). */
export interface LmDraft {
  text: string;
  origin: DraftOrigin;
}

/**
 * An LM probe too large to edit as text (an imported 50,000-pair CSV is ~12 MB of JSON): the editor
 * shows a summary and runs it as is. Not persisted: it would not fit in localStorage.
 */
export interface LmBulk {
  probe: LmProbe;
  /** Characters of its pretty JSON. */
  chars: number;
  origin: DraftOrigin;
}

export type View = 'workbench' | 'history' | 'class';
export interface Notice {
  kind: 'error' | 'info';
  title: string;
  text: string;
}

export interface EditorSlice {
  draft: ProbeDraft;
  setDraftField: <K extends 'id' | 'title' | 'description' | 'citationText' | 'citationUrl' | 'templates' | 'family'>(key: K, value: ProbeDraft[K]) => void;
  setWords: (set: SetKey, text: string) => void;
  setLabel: (set: SetKey, text: string) => void;
  setSetTemplates: (set: SetKey, text: string) => void;
  loadDraft: (draft: ProbeDraft) => void;
  /** Which editor shows: the association form or the LM probe JSON editor. */
  editorMode: 'association' | 'lm';
  lmDraft: LmDraft;
  setLmText: (text: string) => void;
  loadLmDraft: (d: LmDraft) => void;
  lmBulk: LmBulk | null;
  /** Show a large LM probe as a summary (loadLmDraft clears it). */
  loadLmBulk: (b: LmBulk) => void;
}

export interface OptionsSlice {
  options: AssociationOptions;
  device: DevicePreference;
  setOption: <K extends keyof AssociationOptions>(key: K, value: AssociationOptions[K]) => void;
  setDevice: (d: DevicePreference) => void;
  resetOptions: () => void;
  /** LM weight format to load ('auto' = what the model offers first, fp32 for the embedded ones). */
  lmDtype: 'auto' | LmDtype;
  /** Where Hub models are fetched from (a mirror or the mock Hub in tests); '' = huggingface.co. */
  hubHost: string;
  setLmDtype: (d: 'auto' | LmDtype) => void;
  setHubHost: (h: string) => void;
}

export interface SessionSlice {
  view: View;
  modelId: string;
  /** The run whose results are shown (an id in IndexedDB). */
  currentRunId: string | null;
  /** Which test of the current run class mode shows. */
  classIndex: number;
  notice: Notice | null;
  setView: (v: View) => void;
  setModelId: (id: string) => void;
  openRun: (id: string | null) => void;
  setClassIndex: (i: number) => void;
  showNotice: (n: Notice | null) => void;
}

export interface ProgressSlice {
  runProgress: RunProgress | null;
  modelProgress: ModelProgress | null;
  lastError: ErrorInfo | null;
  /** One line announcing the last finished run (for the live region). */
  lastFinished: string | null;
  setLastFinished: (text: string | null) => void;
  setRunProgress: (p: RunProgress | null) => void;
  setModelProgress: (p: ModelProgress | null) => void;
  setLastError: (e: ErrorInfo | null) => void;
}

export type WorkbenchState = EditorSlice & OptionsSlice & SessionSlice & ProgressSlice;
type Slice<T> = StateCreator<WorkbenchState, [['zustand/persist', unknown]], [], T>;

const createEditorSlice: Slice<EditorSlice> = (set) => ({
  draft: emptyDraft(),
  setDraftField: (key, value) => set((s) => ({ draft: { ...s.draft, [key]: value } })),
  setWords: (k, text) => set((s) => ({ draft: { ...s.draft, words: { ...s.draft.words, [k]: text } } })),
  setLabel: (k, text) => set((s) => ({ draft: { ...s.draft, labels: { ...s.draft.labels, [k]: text } } })),
  setSetTemplates: (k, text) => set((s) => ({ draft: { ...s.draft, setTemplates: { ...s.draft.setTemplates, [k]: text } } })),
  loadDraft: (draft) => set({ draft, editorMode: 'association' }),
  editorMode: 'association',
  lmDraft: { text: '', origin: { kind: 'new', id: '' } },
  setLmText: (text) => set((s) => ({ lmDraft: { ...s.lmDraft, text } })),
  loadLmDraft: (lmDraft) => set({ lmDraft, editorMode: 'lm', lmBulk: null }),
  lmBulk: null,
  loadLmBulk: (lmBulk) => set({ lmBulk, editorMode: 'lm' }),
});

const createOptionsSlice: Slice<OptionsSlice> = (set) => ({
  options: { ...DEFAULT_ASSOCIATION_OPTIONS },
  device: 'auto',
  setOption: (key, value) => set((s) => ({ options: { ...s.options, [key]: value } })),
  setDevice: (device) => set({ device }),
  resetOptions: () => set({ options: { ...DEFAULT_ASSOCIATION_OPTIONS } }),
  lmDtype: 'auto',
  hubHost: '',
  setLmDtype: (lmDtype) => set({ lmDtype }),
  setHubHost: (hubHost) => set({ hubHost }),
});

const createSessionSlice: Slice<SessionSlice> = (set) => ({
  view: 'workbench',
  modelId: DEFAULT_MODEL_ID,
  currentRunId: null,
  classIndex: 0,
  notice: null,
  setView: (view) => set({ view }),
  setModelId: (modelId) => set({ modelId }),
  openRun: (currentRunId) => set({ currentRunId, classIndex: 0 }),
  setClassIndex: (classIndex) => set({ classIndex }),
  showNotice: (notice) => set({ notice }),
});

const createProgressSlice: Slice<ProgressSlice> = (set) => ({
  runProgress: null,
  modelProgress: null,
  lastError: null,
  lastFinished: null,
  setLastFinished: (lastFinished) => set({ lastFinished }),
  setRunProgress: (runProgress) => set({ runProgress }),
  setModelProgress: (modelProgress) => set({ modelProgress }),
  setLastError: (lastError) => set({ lastError }),
});

const memoryStorage = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
};

export const useWorkbench = create<WorkbenchState>()(
  persist(
    (...a) => ({
      ...createEditorSlice(...a),
      ...createOptionsSlice(...a),
      ...createSessionSlice(...a),
      ...createProgressSlice(...a),
    }),
    {
      name: 'bias-workbench:v1',
      version: 1,
      storage: createJSONStorage(() => (typeof localStorage !== 'undefined' ? localStorage : memoryStorage())),
      partialize: (s) => ({
        draft: s.draft,
        options: s.options,
        device: s.device,
        modelId: s.modelId,
        currentRunId: s.currentRunId,
        editorMode: s.editorMode,
        lmDraft: s.lmDraft,
        lmDtype: s.lmDtype,
        hubHost: s.hubHost,
      }),
      // Defaults first, so options added in a later version get their default value.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<WorkbenchState>;
        return {
          ...current,
          ...p,
          // user vectors live only in the tab that loaded them: fall back to the embedded model
          // (and so do picked model folders)
          modelId: p.modelId && !p.modelId.startsWith('user:') && !p.modelId.startsWith(LOCAL_PREFIX) ? p.modelId : current.modelId,
          options: { ...current.options, ...(p.options ?? {}) },
          draft: p.draft ? { ...current.draft, ...p.draft } : current.draft,
        };
      },
    },
  ),
);
