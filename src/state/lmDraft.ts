// The LM probe editor's draft: the probe as JSON text, validated on every change against the LM
// schema. The validation and the file readers are pure and live in src/probes/import/lmImport.ts
// (the import worker runs them too); this file holds what the editor's state adds around them.
import { getAnyBuiltinProbe, isAnyBuiltinId, listAllBuiltinProbes } from '../probes/builtin';
import { LARGE_LM_DRAFT_CHARS, lmProbeText } from '../probes/import/lmImport';
import { isJsonEditorProbe, isLmProbe, type JsonEditorProbe } from '../probes/lmSchema';
import type { DraftOrigin } from './draft';
import { groupByFamily } from './library';
import { blankLmProbe } from './lmForm';
import { draftTextOf } from './lmFormEdits';
import { familyOf, type AnyProbe } from '../probes/families';
import type { Modality } from '../probes/families/types';
import { useWorkbench, type LmDraft, type Notice } from './store';

export {
  LARGE_LM_DRAFT_CHARS,
  lmProbeFromCrowsCsv,
  lmProbeFromJsonFile,
  lmProbeText,
  validateLmDraft,
  type LmDraftValidation,
  type LmIssue,
} from '../probes/import/lmImport';

export const lmDraftFromProbe = (p: JsonEditorProbe, origin: DraftOrigin): LmDraft => ({ text: lmProbeText(p), origin });

/** A copy the user may edit and save: new id and title so it never shadows the original. */
export const duplicateLmDraft = (p: JsonEditorProbe): LmDraft =>
  lmDraftFromProbe({ ...p, id: `${p.id}-copy`.slice(0, 80), title: `${p.title} (copy)` } as JsonEditorProbe, { kind: 'new', id: p.id });

const builtinsByModality = new Map<Modality, readonly AnyProbe[]>();

/**
 * The built-ins of one modality's families, in listing order: copied once and kept, since built-ins
 * never change and the library renders these lists on every render (the readers only read them).
 */
function builtinsOf(modality: Modality): readonly AnyProbe[] {
  let list = builtinsByModality.get(modality);
  if (!list) {
    list = listAllBuiltinProbes()
      .filter((b) => familyOf(b.family).modality === modality)
      .flatMap(({ id }) => {
        const p = getAnyBuiltinProbe(id);
        return p ? [p] : [];
      });
    builtinsByModality.set(modality, list);
  }
  return list;
}

/** Built-ins of the language-model families (wherever they are registered), grouped by family, registry order. */
export const lmBuiltinsByFamily = () => groupByFamily(builtinsOf('lm').filter(isLmProbe));

/** Built-ins of the word-vector families without a word-set form (edited as JSON), grouped by family, registry order. */
export const vectorJsonBuiltinsByFamily = () => groupByFamily(builtinsOf('vectors').filter(isJsonEditorProbe));

/** The class lab's lesson presets (families that need no model), registry order. */
export const lessonBuiltins = (): JsonEditorProbe[] => builtinsOf('none').filter(isJsonEditorProbe);

export const isReservedProbeId = (id: string) => isAnyBuiltinId(id);


/**
 * Offer an LM probe to the editor (which asks first over unsaved edits): as editable JSON text, or,
 * when that text would be over LARGE_LM_DRAFT_CHARS, as a summary that still runs (LmBulk in store.ts).
 */
export function openLmProbe(
  p: JsonEditorProbe,
  origin: DraftOrigin,
  how: { from: string; notice: Notice | null; text?: string | null; chars?: number; title?: string },
): void {
  const text = how.text === undefined ? lmProbeText(p) : how.text;
  const offer = { editor: 'lm' as const, title: how.title ?? p.title, from: how.from, notice: how.notice };
  if (text !== null && text.length <= LARGE_LM_DRAFT_CHARS) useWorkbench.getState().offerDraft({ ...offer, draft: { text, origin } });
  else useWorkbench.getState().offerDraft({ ...offer, draft: { text: '', origin }, bulk: { probe: p, chars: how.chars ?? text?.length ?? 0, origin } });
}

/** Start a new, empty probe of an LM family in the editor (which asks first over unsaved edits). */
export function openBlankLmProbe(family: string): void {
  const p = blankLmProbe(family);
  if (!p) return;
  useWorkbench.getState().offerDraft({ editor: 'lm', title: `New ${familyOf(family).title} probe`, from: 'the form', notice: null, draft: { text: draftTextOf(p), origin: { kind: 'new', id: p.id as string } } });
}
