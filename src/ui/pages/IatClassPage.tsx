// The instructor's view of a class's human IAT: paste participant codes or add the students' files,
// see what was added, what was a duplicate (named) and which lines could not be read (by number),
// then the class — every D as a dot, the mean D with its 95% interval and n, who was left out and
// why — exportable as CSV and presentable full screen for the room (Esc leaves). Everything is kept
// in this browser (state/iatClassStore.ts); the page says so, because students are told the same.
// The numbers are the class summary's (core's summarizeClass); this page only lays them out. Beside
// them, on its own axis, the model's d on the same test from this browser's newest run of it
// (state/iatClassModel.ts), or a line saying how to get one.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { modelMeasureWords } from '../../probes/families/human-iat/modelMeasure';
import { formatD, formatP, intervalText } from '../../probes/numberFormat';
import { summarizeCollectedClass, type IatAdmission } from '../../state/iatClassCollection';
import { iatClassToCsv } from '../../state/iatClassCsv';
import type { IatClassEntry } from '../../state/iatClassIntake';
import { classProbeTag, modelBesideClass, type ModelBesideClass } from '../../state/iatClassModel';
import { useIatClass } from '../../state/iatClassStore';
import { useRuns } from '../../state/queries';
import { ChartDataTable } from '../charts/ChartDataTable';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { downloadText } from '../download';
import { ScoreAxis } from '../iat/ScoreAxis';
import { DStripPlot } from '../iatClass/DStripPlot';
import '../iat/participantIat.css';
import '../iatClass/iatClass.css';

const SOURCE_TEXT: Record<IatClassEntry['source'], string> = { code: 'code', 'trials-file': 'trials CSV', 'result-file': 'result JSON' };

function whyLeftOut(e: IatClassEntry): string {
  const reasons = [
    ...(e.result.flags.fastResponder ? ['fast responder'] : []),
    ...(e.result.flags.tooFewTrials ? ['no D (too few usable trials)'] : []),
  ];
  return reasons.length ? `left out: ${reasons.join(', ')}` : 'counted';
}

function AdmissionReport({ admission }: { admission: IatAdmission }) {
  const { added, duplicates, problems } = admission;
  return (
    <div className="iat-class-report" role="status">
      <p>
        Added {added.length} result{added.length === 1 ? '' : 's'}.
        {duplicates.length > 0 && ` ${duplicates.length} duplicate${duplicates.length === 1 ? '' : 's'} not counted twice.`}
        {problems.length > 0 && ` ${problems.length} could not be added.`}
      </p>
      {duplicates.length > 0 && (
        <ul aria-label="Duplicates">
          {duplicates.map((d, i) => (
            <li key={i}>
              {d.origin}: the {d.why === 'same trials' ? 'same trials' : 'same participant'} as {d.sameAs}
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul aria-label="Not added" className="iat-class-problems">
          {problems.map((p, i) => (
            <li key={i}>
              <strong>{p.origin}</strong>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const lower = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/** The model's d on the class's test, on its own axis, or what to do to see it. */
function ModelBeside({ entries, model }: { entries: readonly IatClassEntry[]; model: ModelBesideClass | null }) {
  if (!model) {
    if (classProbeTag(entries) === null) return null;
    return (
      <p className="iat-class-model-missing muted">
        No run of this test on a model in this browser yet: run its probe (e.g. an <code>iat-caliskan-…</code> preset on word vectors or an <code>iat-lm-caliskan-…</code> one on a language model)
        and the model’s d appears here, beside the class’s.
      </p>
    );
  }
  const words = modelMeasureWords(model.measure);
  const labels = { X: model.stimuli.X.label, Y: model.stimuli.Y.label, A: model.stimuli.A.label, B: model.stimuli.B.label };
  return (
    <div className="iat-class-model" data-testid="iat-class-model">
      <ScoreAxis
        label={words.axisLabel}
        value={model.d}
        shown={model.d === null ? 'undefined' : formatD(model.d, 2)}
        limit={2}
        ticks={[0.2, 0.5, 0.8]}
        ends={words.ends(labels)}
        colour="#E69F00"
      />
      <p className="iat-small">
        {model.modelId}, your run of “{model.title}” ({new Date(model.finishedAt).toLocaleString()}; p = {formatP(model.pValue)}). A model’s d and the class’s D
        measure different things (the students’ sorting speed; the model’s {model.measure === 'weat' ? 'word-vector similarities' : 'word likelihoods'} between {lower(labels.X)} and{' '}
        {lower(labels.Y)}): read each on its own axis.
      </p>
    </div>
  );
}

function ClassNumbers({ entries, large, model }: { entries: readonly IatClassEntry[]; large: boolean; model: ModelBesideClass | null }) {
  const summary = useMemo(() => summarizeCollectedClass(entries), [entries]);
  const dots = entries.filter((e) => e.result.d !== null).map((e) => ({ d: e.result.d as number, counted: e.result.included, label: e.label }));
  const { excluded } = summary;
  const left = summary.participants - summary.n;
  return (
    <section className="iat-class-numbers" aria-label="Class result">
      <p className="iat-class-headline" data-testid="iat-class-headline">
        {summary.meanD === null ? (
          'No participant counted yet.'
        ) : (
          <>
            Mean D <strong data-testid="iat-class-mean">{summary.meanD.toFixed(3)}</strong>
            {summary.ci && summary.ci.low !== null && summary.ci.high !== null && <>, {intervalText({ low: summary.ci.low, high: summary.ci.high, level: summary.ci.level })}</>}
            , n = <strong data-testid="iat-class-n">{summary.n}</strong>
          </>
        )}
      </p>
      <p className="iat-class-excluded">
        {summary.participants} participant{summary.participants === 1 ? '' : 's'} collected
        {left > 0
          ? `; ${left} left out: ${[
              excluded.fastResponder > 0 ? `${excluded.fastResponder} fast responder${excluded.fastResponder === 1 ? '' : 's'} (more than 10% of responses under 300 ms)` : '',
              excluded.tooFewTrials > 0 ? `${excluded.tooFewTrials} without a D (too few usable trials)` : '',
            ]
              .filter(Boolean)
              .join(', ')}.`
          : '.'}
        {summary.pValue !== null && ` One-sample t-test of mean D = 0: p = ${formatP(summary.pValue)}.`}
      </p>
      {dots.length > 0 && (
        <figure className="iat-class-figure" aria-label="D of each participant">
          <div aria-hidden="true">
            <DStripPlot dots={dots} summary={summary} large={large} />
          </div>
          <figcaption className="iat-class-legend">
            <span>
              <svg width="14" height="14" aria-hidden="true">
                <circle cx="7" cy="7" r="6" fill="#000" />
              </svg>{' '}
              counted
            </span>
            <span>
              <svg width="16" height="16" aria-hidden="true">
                <path d="M8 1L15 8L8 15L1 8Z" fill="#fff" stroke="#D55E00" strokeWidth="2.5" />
              </svg>{' '}
              fast responder, not counted
            </span>
            <span>
              <svg width="22" height="14" aria-hidden="true">
                <rect x="0" y="0" width="22" height="14" fill="#56B4E9" opacity="0.25" />
                <line x1="11" x2="11" y1="0" y2="14" stroke="#0072B2" strokeWidth="3" />
              </svg>{' '}
              mean and its 95% interval
            </span>
          </figcaption>
          {!large && (
            <ChartDataTable
              table={{
                caption: 'D of every participant collected',
                columns: ['Participant', 'D', 'Counted'],
                rows: entries.map((e) => [e.label, e.result.d === null ? '—' : e.result.d.toFixed(3), whyLeftOut(e)]),
              }}
            />
          )}
        </figure>
      )}
      <ModelBeside entries={entries} model={model} />
      <p className="iat-class-note">
        D is a person&rsquo;s standardised difference in sorting speed, not a diagnosis; the interval describes this class&rsquo;s mean, not any one student. D from a code is rounded to 0.001.
      </p>
    </section>
  );
}

function Presentation({ entries, model, onClose }: { entries: readonly IatClassEntry[]; model: ModelBesideClass | null; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    document.body.classList.add('class-mode-open');
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('class-mode-open');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  const title = entries.find((e) => e.probeTitle)?.probeTitle;
  return (
    <div className="iat-class-present" role="dialog" aria-modal="true" aria-label="Class IAT, presented">
      <h2>The class&rsquo;s IAT{title ? `: ${title}` : ''}</h2>
      <ClassNumbers entries={entries} large model={model} />
      <div className="iat-class-present-bar">
        <button ref={close} type="button" className="big" onClick={onClose}>
          Leave (Esc)
        </button>
        <span>Nothing leaves a device unless the person exports it.</span>
      </div>
    </div>
  );
}

export default function IatClassPage() {
  const { entries, loaded, lastAdmission, load, addCodes, addFiles, remove, clear } = useIatClass();
  const [codes, setCodes] = useState('');
  const [presenting, setPresenting] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const [dragging, setDragging] = useState(false);
  const id = useId();
  const stopPresenting = useCallback(() => setPresenting(false), []);
  const runs = useRuns();
  const model = useMemo(() => modelBesideClass(entries, runs.data ?? []), [entries, runs.data]);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const onFiles = (files: FileList | null) => {
    if (files && files.length) void addFiles([...files].map((f) => ({ name: f.name, size: f.size, text: () => f.text() })));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    onFiles(e.dataTransfer.files);
  };
  return (
    <section className="iat-class card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Class IAT results</h2>
      <p className="iat-class-privacy" data-testid="iat-class-privacy">
        Nothing leaves a device unless the person exports it. Students give you a code or a file; what you add here stays in this browser.
      </p>
      <div className="iat-class-inputs">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void addCodes(codes).then((a) => {
              // Lines that were not read stay, so they can be corrected where the report's line numbers point.
              if (a.problems.length === 0) setCodes('');
            });
          }}
        >
          <label htmlFor={`${id}-codes`}>Participant codes, one per line</label>
          <textarea id={`${id}-codes`} rows={5} value={codes} spellCheck={false} autoCapitalize="characters" placeholder="BXUR-P4SU-N77G-S7S4" onChange={(e) => setCodes(e.target.value)} />
          <button type="submit" disabled={codes.trim() === ''}>
            Add codes
          </button>
        </form>
        <div
          className={`iat-class-drop${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`${id}-files`}>Result files: the trials CSV or the result JSON a student exported</label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => {
              onFiles(e.target.files);
              e.target.value = '';
            }}
          />
          <p className="muted">or drop them here</p>
        </div>
      </div>
      {lastAdmission && <AdmissionReport admission={lastAdmission} />}
      <ClassNumbers entries={entries} large={false} model={model} />
      <div className="iat-class-actions">
        <button type="button" disabled={entries.length === 0} onClick={() => setPresenting(true)}>
          Present to the class
        </button>
        <button type="button" disabled={entries.length === 0} onClick={() => downloadText(iatClassToCsv(entries), 'iat-class.csv', 'text/csv')}>
          Export the class as CSV
        </button>
        <button type="button" disabled={entries.length === 0} onClick={() => setConfirmClear(true)}>
          Start a new class
        </button>
      </div>
      {entries.length > 0 && (
        <table className="compact iat-class-entries">
          <caption>Collected results ({entries.length})</caption>
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">From</th>
              <th scope="col">D</th>
              <th scope="col">In the mean</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="iat-class-label">{e.label}</td>
                <td>{SOURCE_TEXT[e.source]}</td>
                <td>{e.result.d === null ? '—' : e.result.d.toFixed(3)}</td>
                <td>{whyLeftOut(e)}</td>
                <td>
                  <button type="button" className="small" aria-label={`Remove ${e.label}`} onClick={() => void remove(e.id)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {presenting && <Presentation entries={entries} model={model} onClose={stopPresenting} />}
      {confirmClear && (
        <ConfirmDialog
          title="Start a new class?"
          confirmLabel="Forget these results"
          cancelLabel="Keep them"
          onAnswer={(yes) => {
            setConfirmClear(false);
            if (yes) void clear();
          }}
        >
          The {entries.length} collected result{entries.length === 1 ? '' : 's'} will be removed from this browser. Export the class as CSV first to keep them.
        </ConfirmDialog>
      )}
    </section>
  );
}
