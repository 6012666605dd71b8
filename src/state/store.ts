// Client state only (what the user typed and chose, where they are in the app), as zustand
// slices combined once with the persist middleware applied to the whole store — the slices
// pattern from the zustand docs. Async results (model loads, runs, history) live in TanStack
// Query and IndexedDB (queries.ts, db.ts), not here. Persisted: the editor draft, the options,
// the model choice (with the last model that loaded, so a failed load is not retried on reload);
// so a reload loses nothing typed. The storage under it (draftSync.ts) keeps two
// tabs from overwriting each other's drafts and reports a full quota.
import { create, type StateCreator } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationOptions, type SetKey } from '../core/association/types';
import type { ErrorInfo } from '../core/errors';
import type { JsonEditorProbe } from '../probes/lmSchema';
import type { DevicePreference, LmDtype, ModelProgress, RunProgress } from '../worker/client';
import { emptyDraft, type DraftOrigin, type ProbeDraft } from './draft';
import { guardedDraftStorage } from './draftSync';
import { DEFAULT_HUB_HOST, hubHostOrNull } from './hubHost';
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
  probe: JsonEditorProbe;
  /** Characters of its pretty JSON. */
  chars: number;
  origin: DraftOrigin;
}

export type View = 'workbench' | 'history' | 'class' | 'iat-class';

/** What a link asked for (`?hubHost=…&hubModel=…`), held until the user confirms or declines it. */
export interface HubLinkRequest {
  /** The normalised host the link names; null when it names only a model (the current host then). */
  host: string | null;
  /** A Hub model id ("org/name") the link names, if any. */
  model: string | null;
}

/** A draft offered to an editor (share link, import, library) while it holds unsaved edits. */
export type DraftOffer =
  | { editor: 'association'; draft: ProbeDraft; title: string; from: string; notice: Notice | null }
  | { editor: 'lm'; draft: LmDraft; title: string; from: string; notice: Notice | null; bulk?: LmBulk };
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
  /** Edits since the draft was opened or saved (per editor); an offer then asks before replacing it. */
  draftDirty: boolean;
  lmDraftDirty: boolean;
  markDraftSaved: (editor: 'association' | 'lm') => void;
  /** Open a draft in its editor, or, when that editor has unsaved edits, hold it as `pendingOffer` for the user to decide. */
  offerDraft: (offer: DraftOffer) => void;
  pendingOffer: DraftOffer | null;
  /** The user's answer to `pendingOffer`: replace the edits with it, or keep them. */
  resolveOffer: (accept: boolean) => void;
  /** A large LM probe shown as a summary instead of its JSON (offered with `bulk`; loadLmDraft clears it). */
  lmBulk: LmBulk | null;
  /**
   * Parts of the association draft the user has edited or left (issue `where`s), and 'all' once Run
   * was pressed: validation problems show only there, so an empty editor teaches instead of erroring.
   * Opening a draft starts afresh.
   */
  touched: readonly string[];
  touch: (where: string) => void;
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
  /** Option fields whose text is not a valid value right now (by label): Run waits for them. */
  invalidOptions: readonly string[];
  setOptionValidity: (label: string, valid: boolean) => void;
  /** Counts resets, so option fields holding invalid text start again from the restored values. */
  optionsResets: number;
}

export interface SessionSlice {
  view: View;
  modelId: string;
  /** The run whose results are shown (an id in IndexedDB). */
  currentRunId: string | null;
  /** A run that has just finished here, whose results should be brought into view once. */
  runToReveal: string | null;
  revealRun: (id: string) => void;
  revealedRun: () => void;
  /**
   * The last model that loaded in this browser, and the one that failed to load last (if still the
   * selection). A reload restores the last working model instead of retrying a failed one.
   */
  lastWorking: { modelId: string; device: string } | null;
  failedModelId: string | null;
  modelLoaded: (modelId: string, device: string) => void;
  modelFailed: (modelId: string) => void;
  /** Which test of the current run class mode shows. */
  classIndex: number;
  notice: Notice | null;
  setView: (v: View) => void;
  setModelId: (id: string) => void;
  openRun: (id: string | null) => void;
  setClassIndex: (i: number) => void;
  showNotice: (n: Notice | null) => void;
  /** A link's request to load a model or use a host, waiting for the user (never persisted). */
  pendingHubLink: HubLinkRequest | null;
  setPendingHubLink: (r: HubLinkRequest | null) => void;
  /** Model downloads the user started in this tab ("model@host" keys, see downloadConsent.ts; never persisted). */
  approvedDownloads: readonly string[];
  approveDownload: (key: string) => void;
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

const createEditorSlice: Slice<EditorSlice> = (set, get) => ({
  draft: emptyDraft(),
  setDraftField: (key, value) => set((s) => ({ draft: { ...s.draft, [key]: value }, draftDirty: true })),
  setWords: (k, text) => set((s) => ({ draft: { ...s.draft, words: { ...s.draft.words, [k]: text } }, draftDirty: true })),
  setLabel: (k, text) => set((s) => ({ draft: { ...s.draft, labels: { ...s.draft.labels, [k]: text } }, draftDirty: true })),
  setSetTemplates: (k, text) => set((s) => ({ draft: { ...s.draft, setTemplates: { ...s.draft.setTemplates, [k]: text } }, draftDirty: true })),
  loadDraft: (draft) => set({ draft, editorMode: 'association', draftDirty: false, touched: [] }),
  editorMode: 'association',
  lmDraft: { text: '', origin: { kind: 'new', id: '' } },
  setLmText: (text) => set((s) => ({ lmDraft: { ...s.lmDraft, text }, lmDraftDirty: true })),
  loadLmDraft: (lmDraft) => set({ lmDraft, editorMode: 'lm', lmDraftDirty: false, lmBulk: null }),
  draftDirty: false,
  lmDraftDirty: false,
  markDraftSaved: (editor) => set(editor === 'lm' ? { lmDraftDirty: false } : { draftDirty: false }),
  pendingOffer: null,
  offerDraft: (offer) => {
    const s = get();
    // Where the offered probe is what the editor already holds (origin aside), nothing would be lost.
    const unsaved =
      offer.editor === 'lm'
        ? s.lmDraftDirty && !s.lmBulk && (!!offer.bulk || s.lmDraft.text !== offer.draft.text)
        : s.draftDirty && JSON.stringify({ ...s.draft, origin: null }) !== JSON.stringify({ ...offer.draft, origin: null });
    if (unsaved) set({ pendingOffer: offer, view: 'workbench' });
    else acceptOffer(set, offer);
  },
  resolveOffer: (accept) => {
    const offer = get().pendingOffer;
    set({ pendingOffer: null });
    if (offer && accept) acceptOffer(set, offer);
  },
  lmBulk: null,
  touched: [],
  touch: (where) => set((s) => (s.touched.includes(where) ? {} : { touched: [...s.touched, where] })),
});

/** Opening a probe hides the results of whatever ran before (they stay in History): results under an editor are its own. */
const acceptOffer = (set: Parameters<Slice<EditorSlice>>[0], offer: DraftOffer) => {
  const common = { view: 'workbench' as const, currentRunId: null, lastFinished: null, ...(offer.notice ? { notice: offer.notice } : {}) };
  set(
    offer.editor === 'lm'
      ? { ...common, lmDraft: offer.draft, lmBulk: offer.bulk ?? null, editorMode: 'lm', lmDraftDirty: false }
      : { ...common, draft: offer.draft, editorMode: 'association', draftDirty: false, touched: [] },
  );
};

const createOptionsSlice: Slice<OptionsSlice> = (set) => ({
  options: { ...DEFAULT_ASSOCIATION_OPTIONS },
  device: 'auto',
  setOption: (key, value) => set((s) => ({ options: { ...s.options, [key]: value } })),
  setDevice: (device) => set({ device }),
  resetOptions: () => set((s) => ({ options: { ...DEFAULT_ASSOCIATION_OPTIONS }, invalidOptions: [], optionsResets: s.optionsResets + 1 })),
  invalidOptions: [],
  setOptionValidity: (label, valid) =>
    set((s) => {
      const has = s.invalidOptions.includes(label);
      if (valid === !has) return {};
      return { invalidOptions: valid ? s.invalidOptions.filter((l) => l !== label) : [...s.invalidOptions, label] };
    }),
  optionsResets: 0,
  lmDtype: 'auto',
  hubHost: '',
  setLmDtype: (lmDtype) => set({ lmDtype }),
  setHubHost: (hubHost) => set({ hubHost }),
});

const createSessionSlice: Slice<SessionSlice> = (set) => ({
  view: 'workbench',
  modelId: DEFAULT_MODEL_ID,
  currentRunId: null,
  runToReveal: null,
  revealRun: (runToReveal) => set({ runToReveal }),
  revealedRun: () => set({ runToReveal: null }),
  lastWorking: null,
  failedModelId: null,
  modelLoaded: (modelId, device) =>
    set((s) => ({
      ...(s.lastWorking?.modelId === modelId && s.lastWorking.device === device ? {} : { lastWorking: { modelId, device } }),
      ...(s.failedModelId === modelId ? { failedModelId: null } : {}),
    })),
  modelFailed: (modelId) => set((s) => (s.failedModelId === modelId ? {} : { failedModelId: modelId })),
  classIndex: 0,
  notice: null,
  setView: (view) => set({ view }),
  setModelId: (modelId) => set({ modelId }),
  openRun: (currentRunId) => set({ currentRunId, classIndex: 0 }),
  setClassIndex: (classIndex) => set({ classIndex }),
  showNotice: (notice) => set({ notice }),
  pendingHubLink: null,
  setPendingHubLink: (pendingHubLink) => set({ pendingHubLink }),
  approvedDownloads: [],
  approveDownload: (key) => set((s) => (s.approvedDownloads.includes(key) ? {} : { approvedDownloads: [...s.approvedDownloads, key] })),
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

/** The localStorage key of the persisted state (draftSync.ts follows other tabs' writes of it). */
export const PERSIST_KEY = 'bias-workbench:v1';

export const useWorkbench = create<WorkbenchState>()(
  persist(
    (...a) => ({
      ...createEditorSlice(...a),
      ...createOptionsSlice(...a),
      ...createSessionSlice(...a),
      ...createProgressSlice(...a),
    }),
    {
      name: PERSIST_KEY,
      // 2: a Hub host other than the default is kept only once the user chose it in this version
      // (a link could set it silently before), so an older stored one is dropped.
      version: 2,
      migrate: (persisted, version) => {
        const p = { ...((persisted ?? {}) as Record<string, unknown>) };
        if (version < 2 && typeof p.hubHost === 'string' && hubHostOrNull(p.hubHost) !== DEFAULT_HUB_HOST) p.hubHost = '';
        return p as unknown as WorkbenchState;
      },
      storage: createJSONStorage(guardedDraftStorage),
      partialize: (s) => ({
        draft: s.draft,
        options: s.options,
        device: s.device,
        modelId: s.modelId,
        currentRunId: s.currentRunId,
        editorMode: s.editorMode,
        lmDraft: s.lmDraft,
        draftDirty: s.draftDirty,
        lmDraftDirty: s.lmDraftDirty,
        lmDtype: s.lmDtype,
        hubHost: s.hubHost,
        lastWorking: s.lastWorking,
        failedModelId: s.failedModelId,
      }),
      // Defaults first, so options added in a later version get their default value.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<WorkbenchState>;
        return {
          ...current,
          ...p,
          // user vectors live only in the tab that loaded them: fall back to the embedded model
          // (and so do picked model folders)
          modelId: restoredModelId(p, current.modelId),
          options: { ...current.options, ...(p.options ?? {}) },
          draft: p.draft ? { ...current.draft, ...p.draft } : current.draft,
        };
      },
    },
  ),
);

/**
 * The model a reload selects: the stored selection, except user vectors and picked folders (they
 * lived in the old tab) and a model whose load failed, for which the last model that worked stands
 * in (or the default).
 */
export function restoredModelId(p: Partial<Pick<WorkbenchState, 'modelId' | 'failedModelId' | 'lastWorking'>>, fallback: string): string {
  const usable = (id: string | undefined | null): id is string => !!id && !id.startsWith('user:') && !id.startsWith(LOCAL_PREFIX);
  if (!usable(p.modelId)) return fallback;
  if (p.modelId !== p.failedModelId) return p.modelId;
  const working = p.lastWorking?.modelId;
  return usable(working) && working !== p.failedModelId ? working : fallback;
}

/** The store as draftSync.ts sees it: the persisted fields by name. */
export const draftSyncStore = {
  getState: () => useWorkbench.getState() as unknown as Record<string, unknown>,
  setState: (p: Record<string, unknown>) => useWorkbench.setState(p as Partial<WorkbenchState>),
};
