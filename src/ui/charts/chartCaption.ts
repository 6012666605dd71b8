// The caption drawn into an exported chart: which model, dtype and seed produced it, when, and by
// which version of the app, so a figure pasted into a report still says where it came from.
import { useRun } from '../../state/queries';
import type { StoredRun } from '../../state/runRecord';
import { useWorkbench } from '../../state/store';

type CaptionedRun = Pick<StoredRun, 'seed' | 'finishedAt' | 'app'> & { model: Pick<StoredRun['model'], 'id' | 'dtype' | 'precision'> };

/** "glove-6b-100d · dtype int8 · seed 1 · 2026-12-05 04:40 UTC · bias-probe-workbench 0.1.0". */
export function runCaption(run: CaptionedRun): string {
  const date = `${run.finishedAt.slice(0, 10)} ${run.finishedAt.slice(11, 16)} UTC`;
  const precision = run.model.precision ? ` (${run.model.precision})` : '';
  return `${run.model.id} · dtype ${run.model.dtype}${precision} · seed ${run.seed} · ${date} · ${run.app.name} ${run.app.version}`;
}

/** The caption of the run on screen (results view and class mode show the current run). */
export function useCurrentRunCaption(): string {
  const id = useWorkbench((s) => s.currentRunId);
  const run = useRun(id).data;
  return run ? runCaption(run) : '';
}
