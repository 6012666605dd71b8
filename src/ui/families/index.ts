// The UI registry: each probe family's screens under its id (the probe's family, the result's kind),
// beside the probes registry (src/probes/families) that holds its schema, runner and summary.
// Typed over every family id, so a family without its card body and slide does not compile.
import type { ComponentType } from 'react';
import { familyOf, type AnyProbe } from '../../probes/families';
import { summarizeResult } from '../../probes/families/summarizeResult';
import type { FamilySummary, Headline } from '../../probes/families/types';
import { counterfactualPairsView } from './counterfactual-pairs';
import { corefLikelihoodView } from './coref-likelihood';
import { counterfactualTemplateView } from './counterfactual-template';
import { decisionTemplateView } from './decision-template';
import { inductiveBiasView } from './inductive-bias';
import { humanIatView } from './human-iat';
import { humanIatLmView } from './human-iat-lm';
import { judgeVerbosityView } from './judge-verbosity';
import { llmDecisionPromptView } from './llm-decision-prompt';
import { llmIatPromptView } from './llm-iat-prompt';
import { lmIatView } from './lm-iat';
import { mcqPositionView } from './mcq-position';
import { pairwisePositionView } from './pairwise-position';
import { representationProbeView } from './representation-probe';
import { representationProbeLmView } from './representation-probe-lm';
import { ripaView } from './ripa';
import { seatView } from './seat';
import { simplicityLmsView } from './simplicity-lms';
import type { AnyResult, FamilyBodyProps, FamilyId, FamilySlideProps, FamilyView } from './types';
import { weatView } from './weat';
import { stereoSetView } from './stereoset';
import { bbqView } from './bbq';
import { holisticBiasView } from './holistic-bias';
import { discrimEvalView } from './discrim-eval';

export const FAMILY_VIEWS: { readonly [F in FamilyId]: FamilyView<F> } = Object.freeze({
  weat: weatView,
  seat: seatView,
  'lm-iat': lmIatView,
  'counterfactual-pairs': counterfactualPairsView,
  'counterfactual-template': counterfactualTemplateView,
  'decision-template': decisionTemplateView,
  'mcq-position': mcqPositionView,
  'pairwise-position': pairwisePositionView,
  'llm-iat-prompt': llmIatPromptView,
  'llm-decision-prompt': llmDecisionPromptView,
  ripa: ripaView,
  'simplicity-lms': simplicityLmsView,
  'inductive-bias': inductiveBiasView,
  stereoset: stereoSetView,
  bbq: bbqView,
  'coref-likelihood': corefLikelihoodView,
  'human-iat': humanIatView,
  'human-iat-lm': humanIatLmView,
  'judge-verbosity': judgeVerbosityView,
  'representation-probe': representationProbeView,
  'representation-probe-lm': representationProbeLmView,
  'holistic-bias': holisticBiasView,
  'discrim-eval': discrimEvalView,
});

/** A view that takes any result: what a list of mixed results renders through. */
export interface AnyFamilyView {
  Body: ComponentType<FamilyBodyProps<AnyResult>>;
  Slide: ComponentType<FamilySlideProps<AnyResult>>;
}

/**
 * Lookups over a table of views keyed by family id: the app's one table below, or a test's table
 * that adds a family of its own (as createRegistry does for the probes registry). The table pairs
 * each id with the views of that id's result type, and a result's kind (a probe's family) is its
 * family id, so the views accept this result; TypeScript cannot follow a lookup by a union key,
 * hence the casts.
 */
export function createViewRegistry<V extends { readonly [id: string]: { preload: () => Promise<unknown> } }>(views: V) {
  return {
    views,
    /** The views of a result's family. */
    viewsOfResult: (result: AnyResult): AnyFamilyView => views[result.kind] as unknown as AnyFamilyView,
    /** What a probe holds ("24 sentence pairs, scoring causal-full"), from its family's views. */
    probeContentsOf: (probe: AnyProbe): string => (views[probe.family] as unknown as { contents: (p: AnyProbe) => string }).contents(probe),
    /** Fetch every family's views (class mode keeps working offline). */
    preloadFamilyViews: (): Promise<unknown[]> => Promise.all(Object.values(views).map((v) => v.preload())),
  };
}

const viewRegistry = createViewRegistry(FAMILY_VIEWS);
export const { viewsOfResult, probeContentsOf, preloadFamilyViews } = viewRegistry;

/** A result's summary (headline, reading, significance, groups) from its family in the probes registry. */
export const summaryOf = (result: AnyResult): FamilySummary => summarizeResult(result);

/** A result's headline alone (lists of many results: history, compare, a re-run's verdict). */
export const headlineOf = (result: AnyResult): Headline => familyOf(result.kind).headline(result);

/** "WEAT", "Counterfactual pairs": the family's name as the probes registry gives it. */
export const familyTitleOf = (kind: FamilyId): string => familyOf(kind).title;
