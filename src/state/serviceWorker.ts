// The service worker's state for React (src/serviceWorker/registration.ts keeps it), and the Hub
// model files stored for offline use (src/serviceWorker/hubCache.ts) as a query the model picker
// reads and a mutation that removes one model's files.
import { useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { serviceWorkerState, subscribeServiceWorker, type ServiceWorkerState } from '../serviceWorker/registration';

export { applyUpdate, cancelIsolationReload, dismissUpdate } from '../serviceWorker/registration';
import { listOfflineModels, removeOfflineModel } from '../serviceWorker/hubCache';

export const useServiceWorkerState = (): ServiceWorkerState => useSyncExternalStore(subscribeServiceWorker, serviceWorkerState);

const OFFLINE_MODELS = ['offline-models'] as const;

/** Hub models with files in the browser's store, by id; refreshed whenever the picker shows. */
export const useOfflineModels = () => useQuery({ queryKey: OFFLINE_MODELS, queryFn: listOfflineModels, staleTime: 0, refetchOnMount: 'always' });

/** Re-read the store (after a Hub model finished loading). */
export function useRefreshOfflineModels(): () => void {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: OFFLINE_MODELS });
}

export function useRemoveOfflineModel() {
  const client = useQueryClient();
  return useMutation({ mutationFn: removeOfflineModel, onSettled: () => client.invalidateQueries({ queryKey: OFFLINE_MODELS }) });
}
