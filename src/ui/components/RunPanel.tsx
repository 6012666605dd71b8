// The run settings: model picker (embedded models, the user's own vectors), and the options that
// apply to the probe in the editor (optionScope.ts: the SD convention only for word-vector probes).
// Option fields report invalid text to the store, where Run (RunBar) waits for them; "Reset
// options" restores the defaults even while a field holds invalid text (the fields remount).
import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../core/association/types';
import { INTEGER_RUN_OPTIONS, readOptionField, type IntegerRunOption } from '../../core/input/runOptionFields';
import { formatInt } from '../../probes/numberFormat';
import { familyOf } from '../../probes/families';
import type { Modality } from '../../probes/families/types';
import { useLoadUserVectors } from '../../state/queries';
import { deviceApplies, optionApplies } from '../../state/optionScope';
import { useLmDraftValidation } from '../../state/useValidation';
import { ModelPicker } from './ModelPicker';
import { useWorkbench } from '../../state/store';
import type { DevicePreference } from '../../worker/client';
import { ProgressBar } from './ProgressBar';

/** A whole-number option, read by the grammar the CLI's flags use (core/input/runOptionFields.ts). */
function NumberOption({
  option,
  value,
  onCommit,
  onValidity,
  help,
}: {
  option: IntegerRunOption;
  value: number;
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
  const { label } = INTEGER_RUN_OPTIONS[option];
  const reading = readOptionField(option, text);
  // Hidden (a probe that does not read this option), the field's unfinished text is dropped and Run no longer waits on it; the last good value stays.
  useEffect(() => () => onValidity(label, true), [label, onValidity]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        aria-invalid={!reading.ok}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          setText(e.target.value);
          const next = readOptionField(option, e.target.value);
          onValidity(label, next.ok);
          if (next.ok) onCommit(next.value);
        }}
      />
      <small id={`${id}-help`} className={reading.ok ? 'muted' : 'error-text'}>
        {reading.ok ? help : reading.message}
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
  const mode = useWorkbench((s) => s.editorMode);
  const device = useWorkbench((s) => s.device);
  const setDevice = useWorkbench((s) => s.setDevice);
  const options = useWorkbench((s) => s.options);
  const setOption = useWorkbench((s) => s.setOption);
  const resetOptions = useWorkbench((s) => s.resetOptions);
  const resets = useWorkbench((s) => s.optionsResets);
  const invalid = useWorkbench((s) => s.invalidOptions);
  const onValidity = useWorkbench((s) => s.setOptionValidity);
  const lmV = useLmDraftValidation();
  const id = useId();
  const lmMode = mode === 'lm';
  // The probe's family says which model modality it runs on; while the LM JSON is not a probe yet, the editor does.
  const modality: Modality = lmMode && lmV.probe ? familyOf(lmV.probe.family).modality : lmMode ? 'lm' : 'vectors';
  const atDefaults = invalid.length === 0 && JSON.stringify(options) === JSON.stringify(DEFAULT_ASSOCIATION_OPTIONS);

  return (
    <div className="run-panel">
      <h2>Model and options</h2>
      {modality === 'none' ? (
        <p className="notice notice-info no-model-note" role="note">
          This probe needs no model: the class lab builds and trains its own small networks in this browser, from the probe's settings and the seed. Nothing is downloaded, and the run record says that no model ran.
        </p>
      ) : (
        <ModelPicker />
      )}
      {modality === 'vectors' && <UserVectors />}
      <details className="options" open>
        <summary>Options</summary>
        <div key={resets}>
          {optionApplies('permutations', modality) && (
            <NumberOption option="permutations" value={options.permutations} onValidity={onValidity} onCommit={(n) => setOption('permutations', n)} help="Monte Carlo draws when exact enumeration is too large." />
          )}
          {optionApplies('bootstrap', modality) && (
            <NumberOption option="bootstrap" value={options.bootstrap} onValidity={onValidity} onCommit={(n) => setOption('bootstrap', n)} help="For the bootstrap CI (0 = none)." />
          )}
          <NumberOption option="seed" value={options.seed} onValidity={onValidity} onCommit={(n) => setOption('seed', n)} help="Same seed, same numbers." />
        </div>
        {optionApplies('confidenceLevel', modality) && (
          <div className="field">
            <label htmlFor={`${id}-ci`}>Confidence level</label>
            <select id={`${id}-ci`} value={String(options.confidenceLevel)} onChange={(e) => setOption('confidenceLevel', Number(e.target.value))}>
              <option value="0.9">90%</option>
              <option value="0.95">95%</option>
              <option value="0.99">99%</option>
            </select>
          </div>
        )}
        {optionApplies('sd', modality) && (
          <fieldset className="field radio">
            <legend>SD convention for d</legend>
            <label>
              <input type="radio" name={`${id}-sd`} checked={options.sd === 'sample'} onChange={() => setOption('sd', 'sample')} /> Sample (n − 1), as Caliskan et al.
            </label>
            <label>
              <input type="radio" name={`${id}-sd`} checked={options.sd === 'population'} onChange={() => setOption('sd', 'population')} /> Population (n), as WEFE
            </label>
          </fieldset>
        )}
        {deviceApplies(modality) && (
          <div className="field">
            <label htmlFor={`${id}-dev`}>Device</label>
            <select id={`${id}-dev`} value={device} onChange={(e) => setDevice(e.target.value as DevicePreference)}>
              <option value="auto">Auto (word vectors: WASM; language models: WebGPU, else WASM)</option>
              <option value="webgpu">WebGPU</option>
              <option value="wasm">WASM</option>
            </select>
          </div>
        )}
        <button type="button" className="small link" onClick={resetOptions} disabled={atDefaults}>
          Reset options
        </button>
      </details>
    </div>
  );
}
