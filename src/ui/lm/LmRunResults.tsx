// Results of an LM run (a lazy chunk): run metadata (model, dtype, backend + fallback reason, seed),
// exports (tidy CSV per probe and per item from src/probes/export/lmCsv, JSON run record), re-run
// from the same seed, and one card per probe: the family's headline number with CI/p (for prompt
// families also how many answers parsed; when none did, that sentence stands in for the numbers), a
// plain sentence, the family's chart, and the items table.
import { ImportedNote } from '../components/ImportedNote';
import type { AssociationResult } from '../../core/association/types';
import type { RunResult } from '../../core/runRecord';
import { anyRunRecordJson, fileStem, lmItemsCsv, lmResultsCsv } from '../../state/exports';
import { FAMILY_TITLE, lmHeadline, lmReading } from '../../state/lmFormat';
import { formatD, formatP } from '../../state/format';
import { useRunMutation, useRunning } from '../../state/queries';
import type { StoredLmRun } from '../../state/runRecord';
import { useWorkbench } from '../../state/store';
import type { LmProbe } from '../../probes/lmSchema';
import ForestPlot from '../charts/ForestPlot';
import { backendLabel } from '../../core/backends';
import { downloadText } from '../download';
import { ConsistencyBars, DeltaDotPlot, PositionHeatmap } from './LmCharts';

const isAssoc = (r: RunResult): r is AssociationResult => r.kind === 'weat' || r.kind === 'seat' || r.kind === 'lm-iat';
const MAX_ROWS = 200;

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4);
  if (typeof v === 'string') return v.length > 90 ? `${v.slice(0, 90)}…` : v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' && !Number.isInteger(x) ? x.toFixed(3) : String(x))).join(', ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${typeof x === 'number' ? x.toFixed(3) : String(x)}`).join('; ');
  return String(v);
};

function ItemsTable({ result }: { result: RunResult }) {
  const items = ('items' in result ? (result.items as unknown[]) : []) as Record<string, unknown>[];
  if (!items.length) return null;
  const cols = Object.keys(items[0]!).filter((k) => !['prompt', 'moreContext', 'lessContext'].includes(k));
  return (
    <details className="items-table">
      <summary>
        Items ({items.length.toLocaleString('en-US')}
        {items.length > MAX_ROWS ? `, first ${MAX_ROWS} shown; all are in the per-item CSV` : ''})
      </summary>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">Per-item scores of {result.title}</caption>
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.slice(0, MAX_ROWS).map((it, i) => (
              <tr key={i}>
                {cols.map((c) => (
                  <td key={c}>{cellText(it[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function FamilyDetails({ result, stem }: { result: RunResult; stem: string }) {
  switch (result.kind) {
    case 'counterfactual-pairs':
    case 'counterfactual-template':
      return (
        <>
          <DeltaDotPlot result={result} fileStem={stem} />
          {result.byCategory.length > 1 && (
            <table className="compact">
              <caption>By category</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Pairs</th>
                  <th scope="col">% stereotypical higher</th>
                  <th scope="col">Mean Δ [CI]</th>
                  <th scope="col">sign-flip p</th>
                </tr>
              </thead>
              <tbody>
                {result.byCategory.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{c.category}</th>
                    <td>{c.summary.n}</td>
                    <td>{(c.summary.pctStereotype * 100).toFixed(1)}%</td>
                    <td>
                      {formatD(c.summary.meanDelta)} {c.summary.ci ? `[${formatD(c.summary.ci.low, 2)}, ${formatD(c.summary.ci.high, 2)}]` : ''}
                    </td>
                    <td>{formatP(c.summary.signFlip.pValue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      );
    case 'mcq-position':
      return (
        <>
          <PositionHeatmap result={result} fileStem={stem} />
          <p className="muted small-text">
            RStd of per-position recall: {result.recall ? result.recall.rstd.toFixed(2) : '—'} (accuracy {result.recall ? `${(result.recall.accuracy * 100).toFixed(1)}%` : '—'}) · PriDe prior over positions:{' '}
            {result.pridePrior.map((x, i) => `${result.labels[i]} ${x.toFixed(3)}`).join(', ')} · after debiasing, RStd {result.debiasedRecall ? result.debiasedRecall.rstd.toFixed(2) : '—'}.
          </p>
        </>
      );
    case 'pairwise-position':
      return (
        <>
          <ConsistencyBars result={result} fileStem={stem} />
          <p className="muted small-text">
            Preference fairness {result.summary.preferenceFairness.toFixed(3)} (−1 = always the first position, +1 = always the second) · accuracy {result.accuracy === null ? '—' : `${(result.accuracy * 100).toFixed(1)}%`}.
          </p>
        </>
      );
    case 'decision-template':
      return (
        <table className="compact">
          <caption>Mean logit of “yes” against the reference group</caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Value vs reference</th>
              <th scope="col">Δ logit [CI]</th>
              <th scope="col">p (Holm)</th>
            </tr>
          </thead>
          <tbody>
            {result.comparisons.map((c) => (
              <tr key={`${c.attribute}-${c.value}`}>
                <th scope="row">{c.attribute}</th>
                <td>
                  {c.value} vs {c.reference}
                </td>
                <td>
                  {formatD(c.difference)} {c.ci ? `[${formatD(c.ci.low, 2)}, ${formatD(c.ci.high, 2)}]` : ''}
                </td>
                <td>
                  {formatP(c.pValue)} ({formatP(c.pHolm)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    default:
      return null;
  }
}

function LmResultCard({ result, stem }: { result: RunResult; stem: string }) {
  const h = lmHeadline(result);
  return (
    <article className="result-card" aria-labelledby={`res-${result.probeId}`}>
      <header>
        <h3 id={`res-${result.probeId}`}>{result.title}</h3>
        <code className="muted">{result.probeId}</code> <span className="pill">{FAMILY_TITLE[result.kind] ?? result.kind}</span>
      </header>
      {h.noResult !== undefined && (
        <p className="no-result" role="status">
          {h.noResult}.
        </p>
      )}
      <p className="reading">{lmReading(result)}</p>
      {h.noResult === undefined && (
        <dl className="stats">
          <div>
            <dt>{h.label}</dt>
            <dd>
              <output aria-label="Headline metric" data-value={String(h.value)} className="big-number">
                {h.shown}
              </output>
            </dd>
          </div>
          <div>
            <dt>Confidence interval</dt>
            <dd>{h.ci ? `${Math.round(h.ci.level * 100)}% CI [${formatD(h.ci.low)}, ${formatD(h.ci.high)}]` : 'not applicable'}</dd>
          </div>
          <div>
            <dt>{h.pLabel}</dt>
            <dd>
              <output aria-label="p-value">{h.p === null ? '—' : formatP(h.p)}</output>
            </dd>
          </div>
          {h.answers !== undefined && (
            <div>
              <dt>Answers</dt>
              <dd>
                <output aria-label="Answers parsed">{h.answers}</output>
              </dd>
            </div>
          )}
        </dl>
      )}
      <FamilyDetails result={result} stem={stem} />
      <ItemsTable result={result} />
    </article>
  );
}

export default function LmRunResults({ record }: { record: StoredLmRun }) {
  const run = useRunMutation();
  const running = useRunning();
  const device = useWorkbench((s) => s.device);
  const stem = fileStem(record);
  const iat = record.results.filter(isAssoc);
  return (
    <section className="results" aria-labelledby="results-heading">
      <div className="panel-head">
        <h2 id="results-heading">Results: {record.title}</h2>
        <div className="row wrap">
          <button type="button" onClick={() => downloadText(lmResultsCsv(record), `${stem}_results.csv`, 'text/csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => downloadText(lmItemsCsv(record), `${stem}_items.csv`, 'text/csv')}>
            Export per-item CSV
          </button>
          <button type="button" onClick={() => downloadText(anyRunRecordJson(record), `${stem}_run.json`, 'application/json')}>
            Export JSON
          </button>
          <button
            type="button"
            disabled={running}
            onClick={() =>
              run.mutate({ lm: true, probeId: record.probeId, title: record.title, probes: record.probes as LmProbe[], modelId: record.model.id, device, options: record.options, rerunOf: record.runId })
            }
          >
            Re-run
          </button>
        </div>
      </div>
      <p className="run-meta">
        {record.model.title} · backend {backendLabel(record.model.backend)}
        {record.model.fallbackReason ? ` (WebGPU not used: ${record.model.fallbackReason})` : ''} · dtype {record.model.dtype} · seed <strong>{record.seed}</strong> ·{' '}
        {record.options.permutations.toLocaleString('en-US')} permutations · {record.options.bootstrap.toLocaleString('en-US')} bootstrap resamples · finished {new Date(record.finishedAt).toLocaleString()} in{' '}
        {((Date.parse(record.finishedAt) - Date.parse(record.startedAt)) / 1000).toFixed(2)} s
      </p>
      <ImportedNote from={record.importedFrom} runId={record.runId} />
      {iat.length > 0 && <ForestPlot results={iat} fileStem={stem} />}
      <div className="result-list">
        {record.results.map((r) => (
          <LmResultCard key={r.probeId} result={r} stem={stem} />
        ))}
      </div>
    </section>
  );
}
