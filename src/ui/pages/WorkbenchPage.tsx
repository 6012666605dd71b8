// The workbench: the run bar first (sticky, a few Tab stops from the page start), then the library,
// the editor and the model/options panel, then the results of the run just made.
import { ProbeEditor } from '../components/ProbeEditor';
import { ProbeLibrary } from '../components/ProbeLibrary';
import { ResultsView } from '../components/ResultsView';
import { RunBar } from '../components/RunBar';
import { RunPanel } from '../components/RunPanel';

export function WorkbenchPage() {
  return (
    <>
      <RunBar />
      <div className="workbench">
        <aside className="panel" aria-label="Probe library">
          <ProbeLibrary />
        </aside>
        <section className="panel" aria-labelledby="editor-heading">
          <ProbeEditor />
        </section>
        <aside className="panel" aria-label="Model and options">
          <RunPanel />
        </aside>
      </div>
      <ResultsView />
    </>
  );
}
