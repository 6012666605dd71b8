// Live validation of the editor draft: schema + lint on every change, out-of-vocabulary words for
// the selected model (asked of the model worker, cached per word list), and for LM probes whether
// the loaded model suits the family (an instruction model for the prompt families). Shared by the
// editor (per-field messages) and the run panel (Run is disabled while errors remain; the model
// warning shows beside Run).
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { SetKey } from '../core/association/types';
import { stimulusLines } from './draft';
import { useModel, useVocabulary } from './queries';
import { useWorkbench } from './store';
import { oovIssues, SET_ORDER, validateDraft, visibleIssues, type Issue } from './validation';
import { LARGE_LM_DRAFT_CHARS, validateLmDraft, type LmDraftValidation } from './lmDraft';
import { validateLmDraftInWorker } from '../worker/importClient';
import { isLmModelId, modelName } from './models';
import { instructionModelWarning } from '../probes/instructionModelWarning';
import { MAX_WORDS_PER_SET } from '../probes/schema';

/** How long typing must pause before a large LM draft is sent to the worker for checking. */
const LARGE_DRAFT_DEBOUNCE_MS = 300;

export type LiveLmValidation = LmDraftValidation & {
  /** True while a large draft is being checked in the worker (the result shown is not for it yet). */
  checking: boolean;
};

/**
 * Live validation of the LM probe JSON (schema paths; see src/probes/import/lmImport.ts). Small
 * drafts are checked on the page as they are typed; drafts over LARGE_LM_DRAFT_CHARS in the import
 * worker once typing pauses, the answer for an older text discarded. A large imported probe
 * (lmBulk) was validated when it was imported.
 */
export function useLmDraftValidation(): LiveLmValidation {
  const text = useWorkbench((s) => s.lmDraft.text);
  const bulk = useWorkbench((s) => s.lmBulk);
  const deferred = useDeferredValue(text);
  const large = deferred.length > LARGE_LM_DRAFT_CHARS;
  const local = useMemo(() => (bulk || large ? null : validateLmDraft(deferred)), [bulk, large, deferred]);
  const [remote, setRemote] = useState<{ text: string; v: LmDraftValidation } | null>(null);
  useEffect(() => {
    if (bulk || !large) return;
    let stale = false;
    const timer = setTimeout(() => {
      validateLmDraftInWorker(deferred).then(
        (v) => !stale && setRemote({ text: deferred, v }),
        (e: Error) => !stale && setRemote({ text: deferred, v: { probe: null, issues: [{ level: 'error', path: '', message: `The probe could not be checked: ${e.message}` }], errors: 1 } }),
      );
    }, LARGE_DRAFT_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [bulk, large, deferred]);
  return useMemo((): LiveLmValidation => {
    if (bulk) return { probe: bulk.probe, issues: [], errors: 0, checking: false };
    if (local) return { ...local, checking: false };
    if (remote && remote.text === deferred) return { ...remote.v, checking: false };
    return { probe: null, issues: [], errors: 0, checking: true };
  }, [bulk, local, remote, deferred]);
}

export interface DraftValidation {
  probe: ReturnType<typeof validateDraft>['probe'];
  issues: Issue[];
  /** The issues to show now (visibleIssues: an untouched empty set is not an error yet). */
  shown: Issue[];
  /** Errors not shown yet: they block a run, and pressing Run reveals them. */
  heldBack: number;
  oov: Record<SetKey, string[]>;
  /** True while the OOV check for the current words is still running. */
  checkingVocabulary: boolean;
  errors: number;
}

export function useDraftValidation(): DraftValidation {
  const draft = useWorkbench((s) => s.draft);
  const touched = useWorkbench((s) => s.touched);
  const modelId = useWorkbench((s) => s.modelId);
  const device = useWorkbench((s) => s.device);
  const model = useModel(modelId, device);
  const deferred = useDeferredValue(draft);
  const base = useMemo(() => validateDraft(deferred), [deferred]);
  const lists = useMemo(() => SET_ORDER.map((k) => stimulusLines(deferred.words[k])), [deferred]);
  const all = useMemo(() => lists.flat(), [lists]);
  // No vocabulary check for a set over the size limit (it cannot run; up to 100,000 words would go to the model worker).
  const wordLevel = deferred.family === 'weat' && !isLmModelId(modelId) && lists.every((l) => l.length <= MAX_WORDS_PER_SET);
  const vocab = useVocabulary(modelId, all, !!model.data && wordLevel);
  return useMemo(() => {
    let known: Partial<Record<SetKey, boolean[]>> = {};
    if (vocab.data && vocab.data.length === all.length) {
      let offset = 0;
      known = {};
      SET_ORDER.forEach((k, i) => {
        const n = lists[i]!.length;
        known[k] = vocab.data!.slice(offset, offset + n);
        offset += n;
      });
    }
    const o = oovIssues(deferred, known, (model.data?.title ?? modelId).replace(/\s*\(.*\)$/, ''));
    const issues = [...base.issues, ...o.issues];
    const errors = issues.filter((i) => i.level === 'error').length;
    const shown = visibleIssues(deferred, issues, touched);
    return {
      probe: errors ? null : base.probe,
      issues,
      shown,
      heldBack: errors - shown.filter((i) => i.level === 'error').length,
      oov: o.oov,
      checkingVocabulary: wordLevel && (vocab.isFetching || !model.data),
      errors,
    };
  }, [base, vocab.data, vocab.isFetching, all.length, lists, deferred, model.data, modelId, wordLevel, touched]);
}

/**
 * The warning to show before running `probe` on the selected model, from the family's declared
 * traits and the loaded model's chat-template flag (null: nothing to warn about, or not loaded yet).
 */
export function useInstructionModelWarning(probe: { family: string; title: string } | null): string | null {
  const modelId = useWorkbench((s) => s.modelId);
  const device = useWorkbench((s) => s.device);
  const lm = useModel(modelId, device).data?.lm;
  return useMemo(() => (probe && lm ? instructionModelWarning(probe, { id: modelName(modelId), chatTemplate: lm.chatTemplate }) : null), [probe, lm, modelId]);
}
