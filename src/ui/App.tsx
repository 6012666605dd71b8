// The app shell: header with the view switch and model status, a notice bar, and one of three
// views (workbench, history, class mode). Reads a share link from the fragment on load.
import { lazy, Suspense, useEffect } from 'react';
import { useWorkbench } from '../state/store';
import { useShareLink } from './hooks/useShareLink';
import { usePrefetchChunks } from './hooks/usePrefetch';
import { Header } from './components/Header';
import { NoticeBar } from './components/NoticeBar';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { HistoryPage } from './pages/HistoryPage';

const ClassModePage = lazy(() => import('./pages/ClassModePage'));

export function App() {
  const view = useWorkbench((s) => s.view);
  useShareLink();
  useEffect(() => {
    // `?hubHost=http://127.0.0.1:8123/` (a mirror, or the mock Hub in tests) and `?hubModel=org/name`.
    const q = new URLSearchParams(window.location.search);
    const st = useWorkbench.getState();
    const host = q.get('hubHost');
    if (host) st.setHubHost(host);
    const hubModel = q.get('hubModel');
    if (hubModel && /^[\w.-]+\/[\w.-]+$/.test(hubModel)) st.setModelId(`hub:${hubModel}`);
  }, []);
  usePrefetchChunks();
  useEffect(() => {
    document.title = view === 'class' ? 'Class mode · Bias Probe Workbench' : view === 'history' ? 'History · Bias Probe Workbench' : 'Bias Probe Workbench';
  }, [view]);
  return (
    <div className={`app view-${view}`}>
      <a className="skip-link" href="#main">Skip to content</a>
      <Header />
      <NoticeBar />
      <main id="main" tabIndex={-1}>
        {view === 'workbench' && <WorkbenchPage />}
        {view === 'history' && <HistoryPage />}
        {view === 'class' && (
          <Suspense fallback={<p className="muted">Loading class mode…</p>}>
            <ClassModePage />
          </Suspense>
        )}
      </main>
    </div>
  );
}
