// Opening a share link offers its probe to the editor (validated; never runs anything): it opens at
// once, or, when the editor holds unsaved edits, after the user agrees (DraftOfferPrompt). The
// fragment is then removed so a reload does not offer it again.
import { useEffect } from 'react';
import { draftFromProbe } from '../../state/draft';
import { lmDraftFromProbe } from '../../state/lmDraft';
import { readLmShareFragment, readShareFragment } from '../../state/share';
import { useWorkbench } from '../../state/store';

export function useShareLink() {
  useEffect(() => {
    const apply = () => {
      const lm = readLmShareFragment(window.location.hash);
      if (lm.kind !== 'none') {
        const { offerDraft, showNotice } = useWorkbench.getState();
        if (lm.kind === 'ok') {
          offerDraft({
            editor: 'lm',
            draft: lmDraftFromProbe(lm.probe, { kind: 'share', id: lm.probe.id }),
            title: lm.probe.title,
            from: 'a share link',
            notice: { kind: 'info', title: 'LM probe loaded from a share link', text: `“${lm.probe.title}” is in the editor. Nothing has run: choose a language model, then press Run.` },
          });
        } else showNotice({ kind: 'error', title: 'This share link could not be opened', text: lm.message });
        history.replaceState(null, '', window.location.pathname + window.location.search);
        return;
      }
      const read = readShareFragment(window.location.hash);
      if (read.kind === 'none') return;
      const { offerDraft, showNotice } = useWorkbench.getState();
      if (read.kind === 'ok') {
        offerDraft({
          editor: 'association',
          draft: draftFromProbe(read.probe, { kind: 'share', id: read.probe.id }),
          title: read.probe.title,
          from: 'a share link',
          notice: { kind: 'info', title: 'Probe loaded from a share link', text: `“${read.probe.title}” is in the editor. Nothing has run: check it, then press Run.` },
        });
      } else {
        showNotice({ kind: 'error', title: 'This share link could not be opened', text: read.message });
      }
      history.replaceState(null, '', window.location.pathname + window.location.search);
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);
}
