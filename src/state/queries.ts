// Async work as TanStack Query: the model load (memoised, staleTime Infinity), vocabulary checks,
// history lists, and the run mutation. networkMode 'always' everywhere: everything is local, and
// the app must work offline. Side effects stay here and in the mutation callbacks, not in the
// zustand store.
import { QueryClient, queryOptions, useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssociationOptions } from '../core/association/types';
import { CancelledError, DownloadNotApprovedError, ProbeValidationError, UnsupportedModelError } from '../core/errors';
import { DEFAULT_LM_RUN_OPTIONS, type LmRunOptions } from '../core/lmRun/types';
import { isJsonEditorProbe, type AnyProbe } from '../probes/lmSchema';
import { familyOf } from '../probes/families';
import type { ParsedRunRecord } from '../probes/import/runRecordJson';
import { checkImportSize } from '../probes/import/limits';
import type { LmDtype, LmInfo, ModelProgress } from '../worker/client';
import { isLmModelId, lmSourceFor, modelName, modelTitle, rememberLocalFolder } from './models';
import { storeImportedRun } from './importRun';
import { describeError } from './errors';
import * as client from '../worker/client';
import type { DevicePreference, LoadedModelInfo } from '../worker/client';
import { deleteProbe, deleteRun, getProbe, getRun, listProbes, listRuns, openHistory, saveProbe, saveRun } from './db';
import { historyStatusNow, useHistoryStatus } from './historyStatus';
import { readStorageUsage, requestPersistenceOnce } from './persistentStorage';
import { buildStoredRun, runModality, vectorRunModel, type StoredRun } from './runRecord';
import { lmRunModel } from '../core/lmRunModel';
import { NO_MODEL_ID, NO_MODEL_RUN_INFO } from '../core/noModelRunInfo';
import { useWorkbench } from './store';
import { downloadConsentNow, useDownloadConsent } from './downloadConsent';
import { hubHostLabel, isDefaultHubHost } from './hubHost';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false },
    mutations: { networkMode: 'always', retry: false },
  },
});

/** A loaded model as the page sees it; language models also carry the LM runtime's info. */
export type PageModelInfo = LoadedModelInfo & { lm?: LmInfo };

export interface LmPrefs {
  dtype: 'auto' | LmDtype;
  hubHost: string;
}

const lmPrefsNow = (): LmPrefs => {
  const s = useWorkbench.getState();
  return { dtype: s.lmDtype, hubHost: s.hubHost };
};

/** Load (or find loaded) the LM behind a picker id, reporting typed load progress to the store. */
export async function loadLanguageModel(modelId: string, device: DevicePreference, prefs: LmPrefs): Promise<LmInfo> {
  const source = lmSourceFor(modelId, prefs.hubHost);
  const consent = downloadConsentNow(modelId);
  if (!consent.approved)
    throw new DownloadNotApprovedError(`${modelTitle(modelId)} has not been loaded: it downloads from ${hubHostLabel(consent.host!)}. Press “Load” in the model status above to download it.`);
  if (!source) throw new UnsupportedModelError(`The model folder “${modelId}” is no longer open in this tab: open it again with “Open local model folder…”.`);
  const { setModelProgress } = useWorkbench.getState();
  try {
    return await client.loadLm(source, { device, dtype: prefs.dtype }, (p) => setModelProgress(p as ModelProgress));
  } finally {
    setModelProgress(null);
  }
}

const toPageInfo = (modelId: string, i: LmInfo): PageModelInfo => ({
  id: i.id,
  kind: i.kind,
  title: `${modelName(modelId)} · ${i.modelType}, ${i.dtype}`,
  backend: i.backend,
  ...(i.fallbackReason ? { fallbackReason: i.fallbackReason } : {}),
  dims: 0,
  vocabularySize: i.vocabularySize,
  assetSha256: Object.values(i.sha256)[0] ?? '',
  dtype: i.dtype,
  lm: i,
});

export const modelQuery = (modelId: string, device: DevicePreference, prefs: LmPrefs = lmPrefsNow()) =>
  queryOptions({
    queryKey: isLmModelId(modelId) ? (['model', modelId, device, prefs.dtype, prefs.hubHost] as const) : (['model', modelId, device] as const),
    queryFn: async (): Promise<PageModelInfo> => {
      // The scoring worker starts while the model loads, so the first run does not wait for it.
      client.warmUpScoring();
      if (isLmModelId(modelId)) {
        const info = await loadLanguageModel(modelId, device, prefs);
        return toPageInfo(modelId, info);
      }
      const { setModelProgress } = useWorkbench.getState();
      try {
        const info = await client.loadModel(modelId, device, (p) => setModelProgress(p));
        return info;
      } finally {
        setModelProgress(null);
      }
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** The selected model's load; a model that downloads waits for the user's click (downloadConsent.ts). */
export const useModel = (modelId: string, device: DevicePreference) => {
  const dtype = useWorkbench((s) => s.lmDtype);
  const hubHost = useWorkbench((s) => s.hubHost);
  const consent = useDownloadConsent(modelId);
  return useQuery({ ...modelQuery(modelId, device, { dtype, hubHost }), enabled: consent.approved });
};

/** Which of `words` the model knows; cached per (model, word list). */
export const useVocabulary = (modelId: string, words: string[], enabled: boolean) =>
  useQuery({
    queryKey: ['vocab', modelId, words] as const,
    queryFn: () => client.vocabularyCheck(modelId, words),
    enabled: enabled && words.length > 0,
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });

/**
 * Where history is kept (ok | memory-only | full): opens IndexedDB on first use, so a browser that
 * blocks it is found out on load, not after the first run.
 */
export const useStorageStatus = () => {
  useQuery({ queryKey: ['history-open'], queryFn: async () => (await openHistory()) !== null, staleTime: Infinity, gcTime: Infinity });
  return useHistoryStatus((s) => s.status);
};
/** Bytes used and allowed, and whether the browser keeps them when space is low (null: not reported). */
export const useStorageUsage = () => useQuery({ queryKey: ['storage-usage'], queryFn: readStorageUsage });

export const useRuns = () => useQuery({ queryKey: ['runs'], queryFn: listRuns });
export const useRun = (id: string | null) =>
  useQuery({ queryKey: ['run', id], queryFn: async () => (id ? ((await getRun(id)) ?? null) : null), enabled: !!id });
export const useSavedProbes = () => useQuery({ queryKey: ['probes'], queryFn: listProbes });

/**
 * Save the editor's probe to My probes. Saving over another saved probe with the same id would
 * destroy it: only the draft that was opened from that saved probe may replace it.
 * @throws {ProbeValidationError} naming the saved probe that holds the id
 */
export async function saveEditorProbe(p: AnyProbe): Promise<void> {
  const existing = await getProbe(p.id);
  const st = useWorkbench.getState();
  const origin = isJsonEditorProbe(p) ? st.lmDraft.origin : st.draft.origin;
  if (existing && !(origin.kind === 'user' && origin.id === p.id) && JSON.stringify(existing.probe) !== JSON.stringify(p))
    throw new ProbeValidationError(
      `A saved probe already has the id “${p.id}” (“${existing.probe.title}”). Change the id to keep both, or open that probe from My probes to edit it.`,
    );
  await saveProbe(p);
  // Saved: the draft is that saved probe now.
  if (isJsonEditorProbe(p)) useWorkbench.setState((s) => ({ lmDraft: { ...s.lmDraft, origin: { kind: 'user', id: p.id } } }));
  else useWorkbench.setState((s) => ({ draft: { ...s.draft, origin: { kind: 'user', id: p.id } } }));
}

export const useSaveProbe = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: saveEditorProbe,
    onSuccess: (_r, p) => {
      // The editor that saved it now holds no unsaved edits.
      useWorkbench.getState().markDraftSaved(isJsonEditorProbe(p) ? 'lm' : 'association');
      return qc.invalidateQueries({ queryKey: ['probes'] });
    },
  });
};
export const useDeleteProbe = () => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => deleteProbe(id), onSuccess: () => qc.invalidateQueries({ queryKey: ['probes'] }) });
};
/**
 * Keep a re-opened run record (exported earlier or by the CLI) in history, never over a stored run
 * (importRun.ts). The file is read and validated in the import worker first (kind 'run-record',
 * src/probes/import/runRecordJson.ts).
 */
export const useImportRun = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ record }: ParsedRunRecord) => storeImportedRun(record),
    onSuccess: ({ stored }) => {
      qc.setQueryData(['run', stored.runId], stored);
      void qc.invalidateQueries({ queryKey: ['runs'] });
    },
  });
};

export const useDeleteRun = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteRun(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['runs'] });
      void qc.invalidateQueries({ queryKey: ['storage-usage'] });
    },
  });
};

/** A run as the page asks for it: probes of any families on one model (their families say which kind of model). */
export interface RunVariables {
  probeId: string;
  title: string;
  probes: AnyProbe[];
  modelId: string;
  device: DevicePreference;
  /** The association options (seed, permutations, bootstrap…); an LM run adds the LM defaults (lmRunOptionsFrom). */
  options: AssociationOptions | LmRunOptions;
  rerunOf?: string;
}

/** Options of an LM run: DEFAULT_LM_RUN_OPTIONS overridden by what the user chose (as the CLI's flags do). */
export const lmRunOptionsFrom = (o: AssociationOptions | LmRunOptions): LmRunOptions => ({ ...DEFAULT_LM_RUN_OPTIONS, ...o });

let controller: AbortController | null = null;
/** Cancel the run in flight: the scoring worker is terminated at once. */
export const cancelRun = () => controller?.abort();

/** A run of the class lab's families: no model to load or check; the record says that none ran. */
async function runWithoutModel(v: RunVariables, signal: AbortSignal, startedAt: Date): Promise<StoredRun> {
  const { setRunProgress } = useWorkbench.getState();
  setRunProgress({ stage: 'lab', step: 'training', done: 0, total: 0, test: 1, tests: v.probes.length });
  const results = await client.run({ probes: v.probes, modelId: NO_MODEL_ID, options: lmRunOptionsFrom(v.options) }, setRunProgress, signal);
  const record = buildStoredRun({ ...v, model: { ...NO_MODEL_RUN_INFO }, options: v.options, startedAt, finishedAt: new Date(), results });
  await saveRun(record);
  return record;
}

export async function executeRun(v: RunVariables, qc: QueryClient = queryClient): Promise<StoredRun> {
  const { setRunProgress } = useWorkbench.getState();
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  const startedAt = new Date();
  try {
    if (runModality(v) === 'none') return await runWithoutModel(v, mine.signal, startedAt);
    setRunProgress({ stage: 'loading-model', modelId: v.modelId });
    // Cancel must not wait for a model that is still loading (the load itself goes on, cached).
    const aborted = new Promise<never>((_, reject) =>
      mine.signal.addEventListener('abort', () => reject(new CancelledError('The run was cancelled.')), { once: true }),
    );
    aborted.catch(() => undefined);
    const lm = runModality(v) === 'lm';
    if (lm && !isLmModelId(v.modelId))
      throw new UnsupportedModelError(`LM probes need a language model; “${modelTitle(v.modelId)}” holds word vectors. Choose “Workbench tiny GPT-2 (embedded)” or another language model in the Model list.`);
    if (!lm && isLmModelId(v.modelId))
      throw new UnsupportedModelError(`WEAT and SEAT need word vectors; “${modelTitle(v.modelId)}” is a language model. Choose GloVe (or your own vectors) in the Model list, or open an LM probe from the library.`);
    // A language model: always ask the worker (cheap when loaded): a dtype switch may have unloaded the cached one.
    const loading = lm ? loadLanguageModel(v.modelId, v.device, lmPrefsNow()).then((i) => toPageInfo(v.modelId, i)) : qc.ensureQueryData(modelQuery(v.modelId, v.device));
    const model = await Promise.race([loading, aborted]);
    if (lm) setRunProgress({ stage: 'lm', step: 'score', done: 0, total: 0, test: 1, tests: v.probes.length });
    const options = lmRunOptionsFrom(v.options);
    const results = await client.run({ probes: v.probes, modelId: model.id, options }, setRunProgress, mine.signal);
    const finishedAt = new Date();
    const host = lm ? downloadConsentNow(v.modelId).host : null;
    const otherHubHost = host && !isDefaultHubHost(host) ? host : undefined;
    const record = buildStoredRun({
      ...v,
      model: lm ? lmRunModel(model.lm!, otherHubHost) : vectorRunModel(model),
      // A word-vector run records the options it was given (the LM defaults do not apply to it).
      options: lm ? options : v.options,
      startedAt,
      finishedAt,
      results,
    });
    await saveRun(record);
    return record;
  } finally {
    if (controller === mine) controller = null;
    setRunProgress(null);
  }
}

export const useRunMutation = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['run'],
    mutationFn: (v: RunVariables) => executeRun(v, qc),
    onMutate: () => {
      useWorkbench.getState().setLastError(null);
      useWorkbench.getState().setLastFinished(null);
    },
    onSuccess: (record) => {
      qc.setQueryData(['run', record.runId], record);
      void qc.invalidateQueries({ queryKey: ['runs'] });
      // Something worth keeping is on disk now: ask the browser (once) not to clear it when space is low.
      if (historyStatusNow().kind === 'ok') void requestPersistenceOnce().finally(() => qc.invalidateQueries({ queryKey: ['storage-usage'] }));
      useWorkbench.getState().openRun(record.runId);
      useWorkbench.getState().revealRun(record.runId);
      const first = record.results[0];
      useWorkbench
        .getState()
        .setLastFinished(
          record.results.length === 1 && first
            ? `Finished “${record.title}”: ${familyOf(first.kind).headline(first).text}.`
            : `Finished ${record.results.length} tests of “${record.title}”.`,
        );
    },
    onError: (e) => useWorkbench.getState().setLastError(describeError(e)),
  });
};

/** True while any run (from any button) is in flight. */
export const useRunning = () => useIsMutating({ mutationKey: ['run'] }) > 0;

/**
 * A word2vec/GloVe text file, streamed and parsed in the model worker with load progress.
 * @throws {InputTooLargeError} before any work for a file over the word-vector limit
 */
export async function loadUserVectorsFile(file: Blob, name: string): Promise<LoadedModelInfo> {
  checkImportSize('word-vectors', file.size, name);
  const { setModelProgress } = useWorkbench.getState();
  try {
    return await client.loadUserVectors(file, name, (p) => setModelProgress(p));
  } finally {
    setModelProgress(null);
  }
}

export const useLoadUserVectors = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, name }: { file: Blob; name: string }) => loadUserVectorsFile(file, name),
    onSuccess: (info) => {
      const { device, setModelId } = useWorkbench.getState();
      qc.setQueryData(modelQuery(info.id, device).queryKey, info);
      qc.setQueryData<LoadedModelInfo[]>(['user-models'], (prev = []) => [...prev.filter((m) => m.id !== info.id), info]);
      setModelId(info.id);
    },
  });
};

export const useUserModels = () =>
  useQuery<LoadedModelInfo[]>({ queryKey: ['user-models'], queryFn: () => [], staleTime: Infinity, gcTime: Infinity });

/**
 * A model folder the user picked (`<input webkitdirectory>`): its files are handed to the model
 * worker as Blobs (paths relative to the picked folder), loaded once to learn its id and check it,
 * then selected. Errors (no tokenizer, unsupported architecture, corrupt ONNX) are the runtime's
 * named errors.
 */
export const useOpenModelFolder = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (files: File[]) => {
      const first = files[0]!;
      const rel = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
      const name = rel(first).includes('/') ? rel(first).split('/')[0]! : 'folder';
      const source = { type: 'files' as const, name, files: files.map((f) => ({ path: rel(f), file: f as Blob })) };
      const st = useWorkbench.getState();
      const { setModelProgress } = st;
      try {
        const info = await client.loadLm(source, { device: st.device, dtype: st.lmDtype }, (p) => setModelProgress(p as ModelProgress));
        return { info, source };
      } finally {
        setModelProgress(null);
      }
    },
    onSuccess: ({ info, source }) => {
      rememberLocalFolder(info.id, source);
      const st = useWorkbench.getState();
      qc.setQueryData(modelQuery(info.id, st.device, { dtype: st.lmDtype, hubHost: st.hubHost }).queryKey, toPageInfo(info.id, info));
      st.setModelId(info.id);
      st.showNotice({ kind: 'info', title: 'Model folder loaded', text: `${info.id}: ${info.modelType} ${info.kind}, ${info.dtype}, ${info.backend}.` });
    },
  });
};
