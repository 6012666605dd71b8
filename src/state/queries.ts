// Async work as TanStack Query: the model load (memoised, staleTime Infinity), vocabulary checks,
// history lists, and the run mutation. networkMode 'always' everywhere: everything is local, and
// the app must work offline. Side effects stay here and in the mutation callbacks, not in the
// zustand store.
import { QueryClient, queryOptions, useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssociationOptions } from '../core/association/types';
import { CancelledError, ParseError } from '../core/errors';
import type { RunRecord } from '../core/runRecord';
import { parseRunRecord } from '../probes/runRecordSchema';
import { describeError } from './errors';
import { formatD, formatP } from './format';
import type { AssociationProbe } from '../probes/schema';
import * as client from '../worker/client';
import type { DevicePreference, LoadedModelInfo } from '../worker/client';
import { deleteProbe, deleteRun, getRun, listProbes, listRuns, saveProbe, saveRun } from './db';
import { buildStoredRun, type StoredRun } from './runRecord';
import { useWorkbench } from './store';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false },
    mutations: { networkMode: 'always', retry: false },
  },
});

export const modelQuery = (modelId: string, device: DevicePreference) =>
  queryOptions({
    queryKey: ['model', modelId, device] as const,
    queryFn: async (): Promise<LoadedModelInfo> => {
      const { setModelProgress } = useWorkbench.getState();
      try {
        const info = await client.loadModel(modelId, device, (p) => setModelProgress(p));
        client.warmUpScoring();
        return info;
      } finally {
        setModelProgress(null);
      }
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });

export const useModel = (modelId: string, device: DevicePreference) => useQuery(modelQuery(modelId, device));

/** Which of `words` the model knows; cached per (model, word list). */
export const useVocabulary = (modelId: string, words: string[], enabled: boolean) =>
  useQuery({
    queryKey: ['vocab', modelId, words] as const,
    queryFn: () => client.vocabularyCheck(modelId, words),
    enabled: enabled && words.length > 0,
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });

export const useRuns = () => useQuery({ queryKey: ['runs'], queryFn: listRuns });
export const useRun = (id: string | null) =>
  useQuery({ queryKey: ['run', id], queryFn: async () => (id ? ((await getRun(id)) ?? null) : null), enabled: !!id });
export const useSavedProbes = () => useQuery({ queryKey: ['probes'], queryFn: listProbes });

export const useSaveProbe = () => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (p: AssociationProbe) => saveProbe(p), onSuccess: () => qc.invalidateQueries({ queryKey: ['probes'] }) });
};
export const useDeleteProbe = () => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => deleteProbe(id), onSuccess: () => qc.invalidateQueries({ queryKey: ['probes'] }) });
};
/** Re-open a run record JSON (exported earlier or by the CLI): validated, then kept in history. */
export const useImportRun = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (text: string) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new ParseError(`The file is not valid JSON (${(e as Error).message}).`);
      }
      const record = parseRunRecord(json);
      const stored: StoredRun = {
        ...(record as RunRecord<AssociationProbe>),
        probeId: record.probes.length === 1 ? record.probes[0]!.id : `${record.probes.length} probes`,
        title: record.probes.length === 1 ? record.probes[0]!.title : `${record.probes.length} tests (imported)`,
      };
      await saveRun(stored);
      return stored;
    },
    onSuccess: (record) => {
      qc.setQueryData(['run', record.runId], record);
      void qc.invalidateQueries({ queryKey: ['runs'] });
    },
  });
};

export const useDeleteRun = () => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => deleteRun(id), onSuccess: () => qc.invalidateQueries({ queryKey: ['runs'] }) });
};

export interface RunVariables {
  probeId: string;
  title: string;
  probes: AssociationProbe[];
  modelId: string;
  device: DevicePreference;
  options: AssociationOptions;
  rerunOf?: string;
}

let controller: AbortController | null = null;
/** Cancel the run in flight: the scoring worker is terminated at once. */
export const cancelRun = () => controller?.abort();

export async function executeRun(v: RunVariables, qc: QueryClient = queryClient): Promise<StoredRun> {
  const { setRunProgress } = useWorkbench.getState();
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  const startedAt = new Date();
  try {
    setRunProgress({ stage: 'loading-model', modelId: v.modelId });
    // Cancel must not wait for a model that is still loading (the load itself goes on, cached).
    const aborted = new Promise<never>((_, reject) =>
      mine.signal.addEventListener('abort', () => reject(new CancelledError('The run was cancelled.')), { once: true }),
    );
    aborted.catch(() => undefined);
    const model = await Promise.race([qc.ensureQueryData(modelQuery(v.modelId, v.device)), aborted]);
    const results = await client.runProbes({ probes: v.probes, modelId: v.modelId, options: v.options }, setRunProgress, mine.signal);
    const record = buildStoredRun({ ...v, model, startedAt, finishedAt: new Date(), results });
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
      useWorkbench.getState().openRun(record.runId);
      const first = record.results[0];
      useWorkbench
        .getState()
        .setLastFinished(
          record.results.length === 1 && first
            ? `Finished “${record.title}”: d = ${formatD(first.effectSize)}, p = ${formatP(first.pValue)}.`
            : `Finished ${record.results.length} tests of “${record.title}”.`,
        );
    },
    onError: (e) => useWorkbench.getState().setLastError(describeError(e)),
  });
};

/** True while any run (from any button) is in flight. */
export const useRunning = () => useIsMutating({ mutationKey: ['run'] }) > 0;

export const useLoadUserVectors = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, name }: { file: File; name: string }) => {
      const { setModelProgress } = useWorkbench.getState();
      try {
        return await client.loadUserVectors(file, name, (p) => setModelProgress(p));
      } finally {
        setModelProgress(null);
      }
    },
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
