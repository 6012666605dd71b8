import { ProbeEditor } from '../components/ProbeEditor';
import { ProbeLibrary } from '../components/ProbeLibrary';
import { ResultsView } from '../components/ResultsView';
import { RunPanel } from '../components/RunPanel';

export function WorkbenchPage() {
  return (
    <>
      <div className="workbench">
        <aside className="panel" aria-label="Probe library">
          <ProbeLibrary />
        </aside>
        <section className="panel" aria-labelledby="editor-heading">
          <ProbeEditor />
        </section>
        <aside className="panel" aria-label="Run settings">
          <RunPanel />
        </aside>
      </div>
      <ResultsView />
    </>
  );
}
