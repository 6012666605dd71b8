// Live validation of the editor draft: schema + lint on every change, and out-of-vocabulary words
// for the selected model (asked of the model worker, cached per word list). Shared by the editor
// (per-field messages) and the run panel (Run is disabled while errors remain).
import { useDeferredValue, useMemo } from 'react';
import type { SetKey } from '../core/association/types';
import { splitStimuli } from './draft';
import { useModel, useVocabulary } from './queries';
import { useWorkbench } from './store';
import { oovIssues, SET_ORDER, validateDraft, type Issue } from './validation';
import { validateLmDraft, type LmDraftValidation } from './lmDraft';
import { isLmModelId } from './models';

/** Live validation of the LM probe JSON (schema paths; see lmDraft.ts). */
export function useLmDraftValidation(): LmDraftValidation {
  const text = useWorkbench((s) => s.lmDraft.text);
  const deferred = useDeferredValue(text);
  return useMemo(() => validateLmDraft(deferred), [deferred]);
}

export interface DraftValidation {
  probe: ReturnType<typeof validateDraft>['probe'];
  issues: Issue[];
  oov: Record<SetKey, string[]>;
  /** True while the OOV check for the current words is still running. */
  checkingVocabulary: boolean;
  errors: number;
}

export function useDraftValidation(): DraftValidation {
  const draft = useWorkbench((s) => s.draft);
  const modelId = useWorkbench((s) => s.modelId);
  const device = useWorkbench((s) => s.device);
  const model = useModel(modelId, device);
  const deferred = useDeferredValue(draft);
  const base = useMemo(() => validateDraft(deferred), [deferred]);
  const lists = useMemo(() => SET_ORDER.map((k) => splitStimuli(deferred.words[k])), [deferred]);
  const all = useMemo(() => lists.flat(), [lists]);
  const wordLevel = deferred.family === 'weat' && !isLmModelId(modelId);
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
    return {
      probe: errors ? null : base.probe,
      issues,
      oov: o.oov,
      checkingVocabulary: wordLevel && (vocab.isFetching || !model.data),
      errors,
    };
  }, [base, vocab.data, vocab.isFetching, all.length, lists, deferred, model.data, modelId, wordLevel]);
}
