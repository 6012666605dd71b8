// The run bar: Run and Cancel, why Run is not available, the progress and the outcome of the last
// run, in one strip at the top of the workbench that stays on screen while the page scrolls (sticky),
// so Run is always in reach, and early in the tab order (the "Skip to Run" link lands here). The
// panels below hold the model and the options; this bar only starts, stops and reports.
import { useEffect, useId, useRef } from 'react';
import { familyOf } from '../../probes/families';
import { progressFraction, progressText } from '../../state/progressText';
import { isLmModelId } from '../../state/models';
import { cancelRun, useModel, useRunMutation, useRunning } from '../../state/queries';
import { useWorkbench } from '../../state/store';
import { useDraftValidation, useInstructionModelWarning, useLmDraftValidation } from '../../state/useValidation';
import { LiveLossCurve } from './LiveLossCurve';
import { ProgressBar } from './ProgressBar';

export const RUN_BAR_ID = 'run-bar';
export const RUN_BUTTON_ID = 'run-button';
/** The editor's checks region, where a Run pressed on an incomplete draft sends the focus. */
export const EDITOR_CHECKS_ID = 'editor-checks';

/** Focus Run (or, while it is disabled, the bar that says why): the skip link's target. */
export function focusRun() {
  const button = document.getElementById(RUN_BUTTON_ID) as HTMLButtonElement | null;
  if (button && !button.disabled) button.focus();
  else document.getElementById(RUN_BAR_ID)?.focus();
}

export function RunBar() {
  const modelId = useWorkbench((s) => s.modelId);
  const mode = useWorkbench((s) => s.editorMode);
  const device = useWorkbench((s) => s.device);
  const options = useWorkbench((s) => s.options);
  const invalidOptions = useWorkbench((s) => s.invalidOptions);
  const touch = useWorkbench((s) => s.touch);
  const progress = useWorkbench((s) => s.runProgress);
  const lastError = useWorkbench((s) => s.lastError);
  const lastFinished = useWorkbench((s) => s.lastFinished);
  const draftTitle = useWorkbench((s) => s.draft.title);
  const model = useModel(modelId, device);
  const v = useDraftValidation();
  const lmV = useLmDraftValidation();
  const lmMode = mode === 'lm';
  const probe = lmMode ? lmV.probe : v.probe;
  const modality = probe ? familyOf(probe.family).modality : null;
  // A family that needs no model (the class lab) runs whatever model is chosen.
  const modelFits = modality === 'none' || (probe ? (modality === 'lm') === isLmModelId(modelId) : lmMode === isLmModelId(modelId));
  const modelWarning = useInstructionModelWarning(lmMode && modelFits ? lmV.probe : null);
  const run = useRunMutation();
  const running = useRunning();
  const id = useId();
  const fraction = progressFraction(progress);
  // An incomplete new draft whose errors are not shown yet: Run stays pressable and shows them.
  const revealOnRun = !lmMode && !probe && v.heldBack > 0 && v.shown.every((i) => i.level !== 'error');
  const ready = !running && !!probe && modelFits && (modality === 'none' || !model.isError) && invalidOptions.length === 0;
  const canPress = ready || (!running && revealOnRun);
  const start = () => {
    if (!ready) {
      if (revealOnRun) {
        touch('all');
        document.getElementById(EDITOR_CHECKS_ID)?.focus();
      }
      return;
    }
    if (lmMode) {
      if (lmV.probe) run.mutate({ probeId: lmV.probe.id, title: lmV.probe.title, probes: [lmV.probe], modelId, device, options });
    } else if (v.probe) run.mutate({ probeId: v.probe.id, title: v.probe.title, probes: [v.probe], modelId, device, options });
  };
  // Ctrl/⌘+Enter runs from anywhere in the workbench (e.g. while typing words).
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = canPress ? start : () => undefined;
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

  const hint =
    invalidOptions.length > 0
      ? `Fix ${invalidOptions.join(', ').toLowerCase()} in the options to enable Run.`
      : !modelFits
        ? lmMode
          ? 'LM probes need a language model: choose one in the Model list (e.g. Workbench tiny GPT-2).'
          : 'WEAT and SEAT need word vectors: choose GloVe (or your vectors) in the Model list.'
        : probe
          ? `Runs “${lmMode ? probe.title : draftTitle}” with seed ${options.seed}${modality === 'none' ? ', no model needed' : ''} (Ctrl+Enter).`
          : revealOnRun
            ? 'A probe needs words in all four sets: fill them in, or open a built-in from the library.'
            : 'Fix the problems in the editor to enable Run.';

  return (
    <section id={RUN_BAR_ID} className="run-bar" aria-label="Run" tabIndex={-1}>
      <div className="run-buttons">
        <button
          id={RUN_BUTTON_ID}
          type="button"
          className="primary"
          disabled={!canPress}
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
      <div className="run-state">
        <p id={`${id}-runhint`} className="muted small-text run-hint">
          {hint}
        </p>
        {modelWarning && (
          <p id={`${id}-modelwarn`} className="run-warning" role="note">
            <strong>Warning:</strong> {modelWarning}
          </p>
        )}
        <div className="progress" aria-live="polite">
          {running && (
            <>
              <ProgressBar label="Run progress" max={1} value={fraction ?? undefined} />
              <p role="status" className="progress-text">
                {progressText(progress) || 'starting…'}
              </p>
              {progress?.stage === 'lab' && progress.lossCurve && <LiveLossCurve points={progress.lossCurve} epochs={progress.total} />}
            </>
          )}
        </div>
        {!running && lastFinished && !lastError && (
          <p className="ok-text run-outcome" role="status">
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
    </section>
  );
}
