// Side by side: the headline number of each probe in two runs from the history — the same probe on
// two models, or on two dtypes of one model (fp32 vs q8: bias can change under quantization).
// Probes are matched by id; headlines come from each result's family summary; the difference is
// B − A of the numbers core computed, shown only where both sides measure the same quantity.
import type { Headline } from '../../probes/families/types';
import { formatD, formatP } from '../../probes/numberFormat';
import type { StoredRun } from '../../state/runRecord';
import { headlineOf } from '../families';

const describe = (r: StoredRun) => `${r.model.id} · ${r.model.dtype} · ${r.model.backend}`;

function HeadlineCell({ h, label }: { h: Headline | null; label: string }) {
  if (!h) return <td>—</td>;
  return (
    <td>
      <output aria-label={label}>{h.shown}</output>
      {h.ci && (
        <span className="muted">
          {' '}
          [{formatD(h.ci.low, 2)}, {formatD(h.ci.high, 2)}]
        </span>
      )}
      {h.p !== null && (
        <span className="muted">
          {' '}
          {h.pLabel} {formatP(h.p)}
        </span>
      )}
    </td>
  );
}

export function CompareRuns({ a, b }: { a: StoredRun; b: StoredRun }) {
  const ids = [...new Set([...a.results.map((r) => r.probeId), ...b.results.map((r) => r.probeId)])];
  const sameProbe = ids.every((id) => a.results.some((r) => r.probeId === id) && b.results.some((r) => r.probeId === id));
  const headlineIn = (run: StoredRun, id: string): Headline | null => {
    const r = run.results.find((x) => x.probeId === id);
    return r ? headlineOf(r) : null;
  };
  return (
    <section className="compare" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Side-by-side comparison</h3>
      {!sameProbe && <p className="muted small-text">The two runs did not run the same probes; only probes present in both have a difference.</p>}
      <table>
        <caption className="sr-only">Headline numbers of two runs</caption>
        <thead>
          <tr>
            <th scope="col">Probe</th>
            <th scope="col">Metric</th>
            <th scope="col">
              A: {describe(a)} <span className="muted">(seed {a.seed})</span>
            </th>
            <th scope="col">
              B: {describe(b)} <span className="muted">(seed {b.seed})</span>
            </th>
            <th scope="col">B − A</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const ha = headlineIn(a, id);
            const hb = headlineIn(b, id);
            return (
              <tr key={id}>
                <th scope="row">
                  <code>{id}</code>
                </th>
                <td>{(ha ?? hb)?.label}</td>
                <HeadlineCell h={ha} label={`A ${id} ${ha?.label ?? ''}`} />
                <HeadlineCell h={hb} label={`B ${id} ${hb?.label ?? ''}`} />
                <td>{ha && hb && ha.label === hb.label ? formatD(hb.value - ha.value) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
