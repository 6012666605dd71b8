import { useWorkbench, type View } from '../../state/store';
import { ModelStatus } from './ModelStatus';

const VIEWS: { id: View; label: string }[] = [
  { id: 'workbench', label: 'Workbench' },
  { id: 'history', label: 'History' },
  { id: 'class', label: 'Class mode' },
  { id: 'iat-class', label: 'Class IAT' },
];

export function Header() {
  const view = useWorkbench((s) => s.view);
  const setView = useWorkbench((s) => s.setView);
  return (
    <header className="app-header">
      <div className="brand">
        <h1>Bias Probe Workbench</h1>
        <p className="tagline">Bias probes on word vectors and language models, computed in your browser</p>
      </div>
      <nav aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" className="tab" aria-current={view === v.id ? 'page' : undefined} onClick={() => setView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      <ModelStatus />
    </header>
  );
}
