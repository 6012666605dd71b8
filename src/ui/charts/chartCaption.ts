// The caption drawn into an exported chart: which model, dtype and seed produced it, when, and by
// which version of the app, so a figure pasted into a report still says where it came from. The
// dtype names the numeric precision; its full description stays in the run record and the CSVs (a
// sentence too long for a figure caption).
import { useRun } from '../../state/queries';
import type { StoredRun } from '../../state/runRecord';
import { useWorkbench } from '../../state/store';

type CaptionedRun = Pick<StoredRun, 'seed' | 'finishedAt' | 'app'> & { model: Pick<StoredRun['model'], 'id' | 'dtype'> };

/** "glove-6b-100d · dtype q13 · seed 1 · 2026-12-05 04:40 UTC · bias-probe-workbench 0.1.0". */
export function runCaption(run: CaptionedRun): string {
  const date = `${run.finishedAt.slice(0, 10)} ${run.finishedAt.slice(11, 16)} UTC`;
  return `${run.model.id} · dtype ${run.model.dtype} · seed ${run.seed} · ${date} · ${run.app.name} ${run.app.version}`;
}

/** The caption of the run on screen (results view and class mode show the current run). */
export function useCurrentRunCaption(): string {
  const id = useWorkbench((s) => s.currentRunId);
  const run = useRun(id).data;
  return run ? runCaption(run) : '';
}
