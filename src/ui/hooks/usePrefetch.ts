// Fetch the lazy chunks (charts, class mode) in the background so that class mode keeps working if
// the network goes away later (e.g. a classroom without Wi-Fi).
//
// When: as soon as no model is loading and no run is going. Evaluating the chart chunks (recharts)
// costs ~0.3 s of CPU, which during start-up competed with the first model load and run on a
// 2-core machine. It must still happen before someone who waits for the model goes offline, so it
// starts in the same task in which the model query settles, before the page shows the model as
// loaded. A result view that needs a chart earlier imports it itself. The query and mutation
// caches are watched directly, so the app does not re-render for this.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { preloadFamilyViews } from '../families';

const prefetch = () => {
  void import('../charts/ForestPlot');
  void preloadFamilyViews();
  void import('../pages/ClassModePage');
};

export function usePrefetchChunks() {
  const qc = useQueryClient();
  useEffect(() => {
    let done = false;
    const unsubscribe: (() => void)[] = [];
    const stop = () => unsubscribe.splice(0).forEach((u) => u());
    const check = () => {
      if (done || qc.isFetching({ queryKey: ['model'] }) > 0 || qc.isMutating({ mutationKey: ['run'] }) > 0) return;
      done = true;
      stop();
      prefetch();
    };
    unsubscribe.push(qc.getQueryCache().subscribe(check), qc.getMutationCache().subscribe(check));
    // The selected model normally started loading before the first render (state/preload.ts);
    // if nothing is loading now, prefetch at once.
    check();
    return stop;
  }, [qc]);
}
