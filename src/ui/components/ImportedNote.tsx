// Marks a run that was opened from a file: its numbers are what the file says, not something this
// browser computed, so the results say so and name the id the file carried.
import type { ImportedFrom } from '../../state/runRecord';

export function ImportedNote({ from, runId }: { from: ImportedFrom | undefined; runId: string }) {
  if (!from) return null;
  return (
    <p className="imported-note" role="note">
      <span className="tag">imported</span> Opened from a run record file on {new Date(from.at).toLocaleString()}
      {from.runId !== runId ? ` (its id in the file, ${from.runId}, belongs to another run here, so it is kept as ${runId})` : ''}. The numbers are the
      file’s; press Re-run to compute them in this browser.
    </p>
  );
}
