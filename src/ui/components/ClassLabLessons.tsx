// The class lab's lesson presets in the library: "Run lesson" runs one with a click (the current
// seed, no model needed); "Open" puts it in the JSON editor to change its settings first.
import { lessonBuiltins, openLmProbe } from '../../state/lmDraft';
import { useRunMutation, useRunning } from '../../state/queries';
import { useWorkbench } from '../../state/store';
import { probeContentsOf } from '../families';

export function ClassLabLessons() {
  const run = useRunMutation();
  const running = useRunning();
  const lessons = lessonBuiltins();
  if (lessons.length === 0) return null;
  return (
    <section aria-labelledby="lib-class-lab">
      <h3 id="lib-class-lab">Class lab (no model needed)</h3>
      <ul className="probe-list">
        {lessons.map((p) => (
          <li key={p.id} className="probe-item">
            <div className="probe-item-title">{p.title}</div>
            <div className="probe-item-meta">
              <code>{p.id}</code> · {probeContentsOf(p)}
            </div>
            <div className="row">
              <button
                type="button"
                className="small"
                disabled={running}
                aria-label={`Run lesson ${p.title}`}
                onClick={() => {
                  const st = useWorkbench.getState();
                  run.mutate({ probeId: p.id, title: p.title, probes: [p], modelId: st.modelId, device: st.device, options: st.options });
                }}
              >
                Run lesson
              </button>
              <button type="button" className="small" aria-label={`Open ${p.title}`} onClick={() => openLmProbe(p, { kind: 'builtin', id: p.id }, { from: 'the library', notice: null })}>
                Open
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
