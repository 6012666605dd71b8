// Model picker (embedded models + the user's own vectors), options, Run/Cancel with progress.
// Run is disabled while the draft has errors; the run itself happens in the workers.
import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../core/association/types';
import { formatInt } from '../../probes/numberFormat';
import { progressFraction, progressText } from '../../state/progressText';
import { isLmModelId } from '../../state/models';
import { cancelRun, useLoadUserVectors, useModel, useRunMutation, useRunning } from '../../state/queries';
import { useInstructionModelWarning, useLmDraftValidation } from '../../state/useValidation';
import { ModelPicker } from './ModelPicker';
import { useWorkbench } from '../../state/store';
import { useDraftValidation } from '../../state/useValidation';
import type { DevicePreference } from '../../worker/client';
import { ProgressBar } from './ProgressBar';

function NumberOption({
  label,
  value,
  min,
  max,
  onCommit,
  onValidity,
  help,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (n: number) => void;
  onValidity: (label: string, valid: boolean) => void;
  help?: string;
}) {
  const [text, setText] = useState(String(value));
  const [prev, setPrev] = useState(value);
  if (prev !== value) {
    setPrev(value);
    setText(String(value));
  }
  const id = useId();
  const n = Number(text.replace(/[,_\s]/g, ''));
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          setText(e.target.value);
          const m = Number(e.target.value.replace(/[,_\s]/g, ''));
          const ok = e.target.value.trim() !== '' && Number.isInteger(m) && m >= min && m <= max;
          onValidity(label, ok);
          if (ok) onCommit(m);
        }}
      />
      <small id={`${id}-help`} className={valid ? 'muted' : 'error-text'}>
        {valid ? help : `Enter a whole number from ${formatInt(min)} to ${formatInt(max)}.`}
      </small>
    </div>
  );
}

function UserVectors() {
  const load = useLoadUserVectors();
  const progress = useWorkbench((s) => s.modelProgress);
  const ref = useRef<HTMLInputElement>(null);
  const pct = progress?.status === 'progress' && progress.progress !== undefined ? progress.progress : null;
  return (
    <div className="user-vectors">
      <button type="button" className="secondary small" disabled={load.isPending} onClick={() => ref.current?.click()}>
        Load word vectors file…
      </button>
      <input
        ref={ref}
        type="file"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="vectors-file"
        accept=".txt,.vec,text/plain"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) load.mutate({ file: f, name: f.name.replace(/\.[^.]+$/, '') });
          e.target.value = '';
        }}
      />
      <small className="muted">word2vec/GloVe text: one “word v1 … vD” per line.</small>
      {load.isPending && (
        <div role="status" aria-live="polite">
          <ProgressBar label="Vector file progress" max={100} value={pct ?? undefined} /> Reading vectors{pct !== null ? ` ${Math.round(pct)}%` : '…'}
        </div>
      )}
      {load.isError && (
        <p className="error-text" role="alert">
          Could not read the vectors file: {load.error.message}
        </p>
      )}
      {load.isSuccess && (
        <p className="ok-text" role="status">
          Loaded {formatInt(load.data.vocabularySize)} words × {load.data.dims} dimensions{load.data.duplicates ? ` (${load.data.duplicates} duplicate words skipped)` : ''}.
        </p>
      )}
    </div>
  );
}

export function RunPanel() {
  const modelId = useWorkbench((s) => s.modelId);
  const mode = useWorkbench((s) => s.editorMode);
  const device = useWorkbench((s) => s.device);
  const setDevice = useWorkbench((s) => s.setDevice);
  const options = useWorkbench((s) => s.options);
  const setOption = useWorkbench((s) => s.setOption);
  const resetOptions = useWorkbench((s) => s.resetOptions);
  const progress = useWorkbench((s) => s.runProgress);
  const lastError = useWorkbench((s) => s.lastError);
  const lastFinished = useWorkbench((s) => s.lastFinished);
  const draftTitle = useWorkbench((s) => s.draft.title);
  const model = useModel(modelId, device);
  const v = useDraftValidation();
  const lmV = useLmDraftValidation();
  const lmMode = mode === 'lm';
  const modelFits = lmMode === isLmModelId(modelId);
  const run = useRunMutation();
  const id = useId();
  const fraction = progressFraction(progress);
  const running = useRunning();
  const [invalid, setInvalid] = useState<string[]>([]);
  const onValidity = (label: string, ok: boolean) => setInvalid((prev) => (ok ? prev.filter((l) => l !== label) : prev.includes(label) ? prev : [...prev, label]));
  const probe = lmMode ? lmV.probe : v.probe;
  const modelWarning = useInstructionModelWarning(lmMode && modelFits ? lmV.probe : null);
  const canRun = !running && !!probe && modelFits && !model.isError && invalid.length === 0;
  const start = () => {
    if (lmMode) {
      if (lmV.probe) run.mutate({ probeId: lmV.probe.id, title: lmV.probe.title, probes: [lmV.probe], modelId, device, options });
    } else if (v.probe) run.mutate({ probeId: v.probe.id, title: v.probe.title, probes: [v.probe], modelId, device, options });
  };
  // Ctrl/⌘+Enter runs from anywhere in the workbench (e.g. while typing words).
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = canRun ? start : () => undefined;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        startRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="run-panel">
      <h2>Run</h2>
      <ModelPicker />
      {!lmMode && <UserVectors />}
      <details className="options" open>
        <summary>Options</summary>
        <NumberOption label="Permutations" value={options.permutations} min={1} max={10_000_000} onValidity={onValidity} onCommit={(n) => setOption('permutations', n)} help="Monte Carlo draws when exact enumeration is too large." />
        <NumberOption label="Bootstrap resamples" value={options.bootstrap} min={0} max={1_000_000} onValidity={onValidity} onCommit={(n) => setOption('bootstrap', n)} help="For the CI of d (0 = no CI)." />
        <NumberOption label="Seed" value={options.seed} min={0} max={2 ** 31 - 1} onValidity={onValidity} onCommit={(n) => setOption('seed', n)} help="Same seed, same numbers." />
        <div className="field">
          <label htmlFor={`${id}-ci`}>Confidence level</label>
          <select id={`${id}-ci`} value={String(options.confidenceLevel)} onChange={(e) => setOption('confidenceLevel', Number(e.target.value))}>
            <option value="0.9">90%</option>
            <option value="0.95">95%</option>
            <option value="0.99">99%</option>
          </select>
        </div>
        <fieldset className="field radio">
          <legend>SD convention for d</legend>
          <label>
            <input type="radio" name={`${id}-sd`} checked={options.sd === 'sample'} onChange={() => setOption('sd', 'sample')} /> Sample (n − 1), as Caliskan et al.
          </label>
          <label>
            <input type="radio" name={`${id}-sd`} checked={options.sd === 'population'} onChange={() => setOption('sd', 'population')} /> Population (n), as WEFE
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-dev`}>Device</label>
          <select id={`${id}-dev`} value={device} onChange={(e) => setDevice(e.target.value as DevicePreference)}>
            <option value="auto">Auto (word vectors: WASM; language models: WebGPU, else WASM)</option>
            <option value="webgpu">WebGPU</option>
            <option value="wasm">WASM</option>
          </select>
        </div>
        <button
          type="button"
          className="small link"
          onClick={resetOptions}
          disabled={JSON.stringify(options) === JSON.stringify(DEFAULT_ASSOCIATION_OPTIONS)}
        >
          Reset options
        </button>
      </details>
      {modelWarning && (
        <p id={`${id}-modelwarn`} className="run-warning" role="note">
          <strong>Warning:</strong> {modelWarning}
        </p>
      )}
      <div className="run-buttons">
        <button
          type="button"
          className="primary"
          disabled={!canRun}
          onClick={start}
          aria-keyshortcuts="Control+Enter"
          title="Run (Ctrl+Enter)"
          aria-describedby={modelWarning ? `${id}-modelwarn ${id}-runhint` : `${id}-runhint`}
        >
          Run
        </button>
        <button type="button" disabled={!running} onClick={cancelRun}>
          Cancel
        </button>
      </div>
      <p id={`${id}-runhint`} className="muted small-text">
        {invalid.length > 0
          ? `Fix ${invalid.join(', ').toLowerCase()} in the options to enable Run.`
          : !modelFits
            ? lmMode
              ? 'LM probes need a language model: choose one in the Model list (e.g. Workbench tiny GPT-2).'
              : 'WEAT and SEAT need word vectors: choose GloVe (or your vectors) in the Model list.'
            : probe
              ? `Runs “${lmMode ? probe.title : draftTitle}” with seed ${options.seed} (Ctrl+Enter).`
              : 'Fix the problems in the editor to enable Run.'}
      </p>
      <div className="progress" aria-live="polite">
        {running && (
          <>
            <ProgressBar label="Run progress" max={1} value={fraction ?? undefined} />
            <p role="status" className="progress-text">
              {progressText(progress) || 'starting…'}
            </p>
          </>
        )}
      </div>
      {!running && lastFinished && !lastError && (
        <p className="ok-text" role="status">
          {lastFinished}
        </p>
      )}
      {!running && lastError && (
        <div className={lastError.name === 'CancelledError' ? 'notice notice-info' : 'notice notice-error'} role={lastError.name === 'CancelledError' ? 'status' : 'alert'}>
          <div>
            <strong>{lastError.name === 'CancelledError' ? 'Run cancelled' : 'The run failed'}</strong>
            <p>{lastError.name === 'CancelledError' ? 'The computation was stopped. Nothing was saved.' : lastError.name === 'Error' ? lastError.message : `${lastError.message} (${lastError.name})`}</p>
          </div>
        </div>
      )}
    </div>
  );
}
