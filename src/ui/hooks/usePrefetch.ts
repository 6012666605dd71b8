// After first paint, fetch the lazy chunks (charts, class mode) in the background so that class
// mode keeps working if the network goes away later (e.g. a classroom without Wi-Fi).
import { useEffect } from 'react';

export function usePrefetchChunks() {
  useEffect(() => {
    const run = () => {
      void import('../charts/ForestPlot');
      void import('../charts/WordAssociationChart');
      void import('../charts/NullHistogram');
      void import('../pages/ClassModePage');
    };
    const id = window.setTimeout(() => ('requestIdleCallback' in window ? window.requestIdleCallback(run) : run()), 1200);
    return () => window.clearTimeout(id);
  }, []);
}
