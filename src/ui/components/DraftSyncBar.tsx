// Says when this tab's drafts are not being kept: another tab changed a draft while this one had
// edits of its own (the user picks which to keep), the browser's storage is full, or it cannot be
// used at all. Without this bar the draft would silently stop being saved.
import { resolveDraftConflict, useDraftSync, type DraftEditor } from '../../state/draftSync';
import { draftSyncStore as store } from '../../state/store';

const EDITOR_NAME: Record<DraftEditor, string> = { association: 'WEAT/SEAT', lm: 'LM probe' };

const mb = (chars: number) => `${((chars * 2) / 1e6).toFixed(1)} MB`;

export function DraftSyncBar() {
  const { conflicts, quota, unavailable } = useDraftSync();
  const editors = (Object.keys(conflicts) as DraftEditor[]).filter((k) => conflicts[k]);
  if (!editors.length && !quota && !unavailable) return null;
  return (
    <div className="notice notice-error draft-sync" role="alert">
      <div>
        {editors.map((editor) => (
          <div key={editor}>
            <strong>The {EDITOR_NAME[editor]} draft was changed in another tab</strong>
            <p>
              This tab has edits the other tab never saw, so it has stopped saving this draft until you choose. Keeping this tab’s draft replaces the other
              tab’s in storage (that tab will ask too).
            </p>
            <div className="row wrap">
              <button type="button" className="small" onClick={() => resolveDraftConflict(editor, 'mine', store)}>
                Keep this tab’s draft
              </button>
              <button type="button" className="small secondary" onClick={() => resolveDraftConflict(editor, 'theirs', store)}>
                Load the other tab’s draft
              </button>
            </div>
          </div>
        ))}
        {quota && (
          <div>
            <strong>Your draft is too large for this browser’s storage</strong>
            <p>
              The last change ({mb(quota.chars)} to store) did not fit, so a reload would lose it. It is still here in this tab: save it with “Save probe” or export
              it, or make it smaller.
            </p>
          </div>
        )}
        {unavailable && (
          <div>
            <strong>Drafts are not saved in this browser</strong>
            <p>Because {unavailable}, what you type is kept only until this tab closes. Export probes you want to keep.</p>
          </div>
        )}
      </div>
    </div>
  );
}
