// Asks before a share link, an import or the library replaces an editor's unsaved edits. Keeping
// them is the default (and Escape); the offered probe is then dropped, and can be opened again.
import { useWorkbench } from '../../state/store';
import { ConfirmDialog } from './ConfirmDialog';

export function DraftOfferPrompt() {
  const offer = useWorkbench((s) => s.pendingOffer);
  const current = useWorkbench((s) => (offer?.editor === 'lm' ? lmTitle(s.lmDraft.text) : s.draft.title));
  const resolve = useWorkbench((s) => s.resolveOffer);
  if (!offer) return null;
  return (
    <ConfirmDialog title="Replace your unsaved edits?" confirmLabel={`Open “${offer.title}”`} cancelLabel="Keep my edits" onAnswer={resolve}>
      <p>
        The {offer.editor === 'lm' ? 'LM probe' : 'WEAT/SEAT'} editor holds edits to “{current || 'an untitled probe'}” that are not saved in My probes. Opening “
        {offer.title}” ({offer.from}) replaces them.
      </p>
      <p className="muted">To keep both, choose “Keep my edits”, press “Save probe”, then open it again.</p>
    </ConfirmDialog>
  );
}

/** The title in an LM draft's JSON text, without parsing a large draft on every render. */
const lmTitle = (text: string): string => /"title"\s*:\s*"((?:[^"\\]|\\.){0,200})"/.exec(text.slice(0, 4096))?.[1] ?? '';
