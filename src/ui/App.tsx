// The app shell: header with the view switch and model status, a notice bar, and one of three
// views (workbench, history, class mode). Reads a share link from the fragment on load, and a
// link's Hub host/model request, which waits for the user's answer (HubLinkPrompt). On the workbench
// the first focusable element is "Skip to Run".
import { lazy, Suspense, useEffect } from 'react';
import { useWorkbench } from '../state/store';
import { useShareLink } from './hooks/useShareLink';
import { usePrefetchChunks } from './hooks/usePrefetch';
import { Header } from './components/Header';
import { NoticeBar } from './components/NoticeBar';
import { HubLinkPrompt } from './components/HubLinkPrompt';
import { DraftSyncBar } from './components/DraftSyncBar';
import { ServiceWorkerBar } from './components/ServiceWorkerBar';
import { DraftOfferPrompt } from './components/DraftOfferPrompt';
import { readHubLink } from './hubLink';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { focusRun, RUN_BAR_ID } from './components/RunBar';
import { HistoryPage } from './pages/HistoryPage';

const ClassModePage = lazy(() => import('./pages/ClassModePage'));
const IatClassPage = lazy(() => import('./pages/IatClassPage'));

export function App() {
  const view = useWorkbench((s) => s.view);
  useShareLink();
  useEffect(() => readHubLink(), []);
  usePrefetchChunks();
  useEffect(() => {
    document.title = view === 'class' ? 'Class mode · Bias Probe Workbench' : view === 'history' ? 'History · Bias Probe Workbench' : 'Bias Probe Workbench';
  }, [view]);
  return (
    <div className={`app view-${view}`}>
      {view === 'workbench' && (
        <a
          className="skip-link"
          href={`#${RUN_BAR_ID}`}
          onClick={(e) => {
            e.preventDefault();
            focusRun();
          }}
        >
          Skip to Run
        </a>
      )}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <ServiceWorkerBar />
      <NoticeBar />
      <DraftSyncBar />
      <HubLinkPrompt />
      <DraftOfferPrompt />
      <main id="main" tabIndex={-1}>
        {view === 'workbench' && <WorkbenchPage />}
        {view === 'history' && <HistoryPage />}
        {view === 'class' && (
          <Suspense fallback={<p className="muted">Loading class mode…</p>}>
            <ClassModePage />
          </Suspense>
        )}
        {view === 'iat-class' && (
          <Suspense fallback={<p className="muted">Loading the class IAT…</p>}>
            <IatClassPage />
          </Suspense>
        )}
      </main>
    </div>
  );
}
