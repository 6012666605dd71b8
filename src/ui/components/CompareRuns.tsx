// Any number of runs from the history side by side — the same probes on two models, two dtypes of
// one model (fp32 vs q8: bias can change under quantization), two seeds or two option settings.
// Columns are named by what differs between the runs (highlighted); one row per probe any of them
// ran, with each run's headline and its difference from the first run that ran it; then, item by
// item, how each run agrees with that first run (per-word s(w, A, B), or a per-item column of a
// language-model probe): Spearman ρ, Pearson r and n, and a scatter for the probe picked. Everything
// shown comes from probes/compare (families' headlines and item rows, core's correlations).
import { useMemo, useState } from 'react';
import { compareRuns, type ComparedProbe } from '../../probes/compare';
import type { Headline } from '../../probes/families/types';
import { formatAdaptive, formatP, intervalText } from '../../probes/numberFormat';
import { fileStem } from '../../state/exports';
import type { StoredRun } from '../../state/runRecord';
import { runCaption } from '../charts/chartCaption';
import { AgreementScatter, agreementText } from '../compare/AgreementScatter';
import { fieldName, runLabel } from '../compare/runLabels';
import '../compare/compare.css';

const runName = (i: number) => `Run ${i + 1}`;

function HeadlineCell({ h, reference, label }: { h: Headline | null; reference: Headline | null; label: string }) {
  if (!h) return <td className="muted">not run</td>;
  const difference = reference && reference !== h && reference.label === h.label ? h.value - reference.value : null;
  return (
    <td>
      <output aria-label={label}>{h.shown}</output>
      {h.ci && <span className="muted"> {intervalText(h.ci)}</span>}
      {h.p !== null && (
        <span className="muted">
          {' '}
          {h.pLabel} = {formatP(h.p)}
        </span>
      )}
      {difference !== null && <span className="compare-delta"> Δ = {formatAdaptive(difference)}</span>}
    </td>
  );
}

function AgreementCell({ probe, run }: { probe: ComparedProbe; run: number }) {
  if (run === probe.reference) return <td className="muted">reference</td>;
  const found = probe.agreements.find((a) => a.run === run);
  if (!found) return <td className="muted">—</td>;
  const g = found.agreement;
  return (
    <td>
      <output aria-label={`Agreement of ${runName(run)} with ${runName(probe.reference)} on ${probe.probeId}`}>{agreementText(g)}</output>
      {(g.onlyA > 0 || g.onlyB > 0) && (
        <span className="muted">
          {' '}
          ({g.onlyA} only in {runName(probe.reference)}, {g.onlyB} only in {runName(run)})
        </span>
      )}
    </td>
  );
}

export function CompareRuns({ runs }: { runs: readonly StoredRun[] }) {
  const [measures, setMeasures] = useState<Record<string, string>>({});
  const comparison = useMemo(() => compareRuns(runs, measures), [runs, measures]);
  const aligned = comparison.probes.filter((p) => p.agreements.some((a) => a.agreement.n > 0));
  const [picked, setPicked] = useState<string>('');
  const shown = aligned.find((p) => p.probeId === picked) ?? aligned[0];
  const [otherRun, setOtherRun] = useState<number>(1);
  const shownAgreement = shown?.agreements.find((a) => a.run === otherRun) ?? shown?.agreements[0];
  const { differences } = comparison;
  return (
    <section className="compare" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Comparing {runs.length} runs</h3>
      {differences.length === 0 ? (
        <p className="muted small-text">These runs differ in nothing but when they ran: same model, dtype, seed and options.</p>
      ) : (
        <ul className="compare-differences" aria-label="What differs between the runs">
          {differences.map((d) => (
            <li key={d.field}>
              <mark className="differs">{fieldName(d)}</mark>: {d.values.map((v, i) => `${v} (${runName(i)})`).join(' · ')}
            </li>
          ))}
        </ul>
      )}
      <div className="table-wide">
        <table className="compare-table">
          <caption className="sr-only">Headline numbers of each run, by probe</caption>
          <thead>
            <tr>
              <th scope="col">Probe</th>
              <th scope="col">Metric</th>
              {runs.map((r, i) => (
                <th scope="col" key={r.runId}>
                  {runName(i)}
                  <span className="compare-run-facts">
                    {runLabel(differences, i).map(([field, value]) => (
                      <mark key={field} className="differs">
                        {field} {value}
                      </mark>
                    ))}
                    {differences.length === 0 && <span className="muted">{r.model.id} · {r.model.dtype} · seed {r.seed}</span>}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.probes.map((p) => {
              const reference = p.headlines[p.reference] ?? null;
              return (
                <tr key={p.probeId}>
                  <th scope="row">
                    <code>{p.probeId}</code>
                  </th>
                  <td>{reference?.label}</td>
                  {p.headlines.map((h, i) => (
                    <HeadlineCell key={runs[i]!.runId} h={h} reference={reference} label={`${runName(i)} ${p.probeId} ${h?.label ?? ''}`} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h4>Item by item</h4>
      <p className="muted small-text">
        Each run against the first run that ran the probe, on the items both have (per word for association tests): Spearman ρ (does the order of the items hold?) and Pearson r (do the values?).
      </p>
      <div className="table-wide">
        <table className="compare-table">
          <caption className="sr-only">Per-item agreement of each run with the first run that ran the probe</caption>
          <thead>
            <tr>
              <th scope="col">Probe</th>
              <th scope="col">Per-item number</th>
              {runs.map((r, i) => (
                <th scope="col" key={r.runId}>
                  {runName(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.probes.map((p) => (
              <tr key={p.probeId}>
                <th scope="row">
                  <code>{p.probeId}</code>
                </th>
                <td>
                  {p.measures.length > 1 ? (
                    <select aria-label={`Per-item number compared for ${p.probeId}`} value={p.measure ?? ''} onChange={(e) => setMeasures((m) => ({ ...m, [p.probeId]: e.target.value }))}>
                      {p.measures.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  ) : (
                    (p.measure ?? '—')
                  )}
                </td>
                {p.notAligned ? (
                  <td colSpan={runs.length} className="muted">
                    {p.notAligned}
                  </td>
                ) : (
                  runs.map((r, i) => <AgreementCell key={r.runId} probe={p} run={i} />)
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown && shownAgreement && (
        <div className="compare-scatter">
          <div className="row wrap">
            <label>
              Scatter of{' '}
              <select value={shown.probeId} onChange={(e) => setPicked(e.target.value)}>
                {aligned.map((p) => (
                  <option key={p.probeId} value={p.probeId}>
                    {p.title}
                  </option>
                ))}
              </select>
            </label>
            {shown.agreements.length > 1 && (
              <label>
                against{' '}
                <select value={shownAgreement.run} onChange={(e) => setOtherRun(Number(e.target.value))}>
                  {shown.agreements.map((a) => (
                    <option key={a.run} value={a.run}>
                      {runName(a.run)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <AgreementScatter
            title={shown.title}
            measure={shown.measure!}
            xRun={runName(shown.reference)}
            yRun={runName(shownAgreement.run)}
            agreement={shownAgreement.agreement}
            caption={`${runName(shown.reference)}: ${runCaption(runs[shown.reference]!)}. ${runName(shownAgreement.run)}: ${runCaption(runs[shownAgreement.run]!)}.`}
            fileStem={`${fileStem(runs[shown.reference]!)}_vs_${runs[shownAgreement.run]!.model.dtype}_seed${runs[shownAgreement.run]!.seed}`}
          />
        </div>
      )}
    </section>
  );
}
