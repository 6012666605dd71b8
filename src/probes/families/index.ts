// The registry of probe families: family id → module, frozen; the id, probe and result types derive
// from it. Everything that handles probes or results of any family (the CLI, the run path, the
// run-record validator, the exporter, validation) looks a family up here instead of switching on
// its name. Adding a family = a folder beside the others and one line below.
import type { z } from 'zod';
import { counterfactualPairs } from './counterfactual-pairs';
import { counterfactualTemplate } from './counterfactual-template';
import { corefLikelihood } from './coref-likelihood';
import { decisionTemplate } from './decision-template';
import { inductiveBias } from './inductive-bias';
import { humanIat } from './human-iat';
import { humanIatLm } from './human-iat-lm';
import { judgeVerbosity } from './judge-verbosity';
import { lmIat } from './lm-iat';
import { llmDecisionPrompt } from './llm-decision-prompt';
import { llmIatPrompt } from './llm-iat-prompt';
import { mcqPosition } from './mcq-position';
import { pairwisePosition } from './pairwise-position';
import { createRegistry, type AnyFamilyModule } from './registry';
import { representationProbe } from './representation-probe';
import { representationProbeLm } from './representation-probe-lm';
import { ripa } from './ripa';
import { seat } from './seat';
import { simplicityLms } from './simplicity-lms';
import { weat } from './weat';
import { stereoSet } from './stereoset';
import { bbq } from './bbq';
import { holisticBias } from './holistic-bias';
import { discrimEval } from './discrim-eval';
import type { ProbeFamily } from './types';

/** The family modules in registry order (exports and pickers list families in this order). */
export const FAMILY_MODULES = [
  weat,
  seat,
  counterfactualPairs,
  counterfactualTemplate,
  decisionTemplate,
  mcqPosition,
  pairwisePosition,
  lmIat,
  llmIatPrompt,
  llmDecisionPrompt,
  ripa,
  simplicityLms,
  inductiveBias,
  stereoSet,
  bbq,
  corefLikelihood,
  humanIat,
  humanIatLm,
  judgeVerbosity,
  representationProbe,
  representationProbeLm,
  holisticBias,
  discrimEval,
] as const;

const registry = createRegistry(FAMILY_MODULES);

export const PROBE_FAMILIES = registry.families;
export type FamilyId = keyof typeof PROBE_FAMILIES;
export const FAMILY_IDS: readonly FamilyId[] = registry.ids;

/** The probe of a family, as its schema parses it. */
export type ProbeOf<F extends FamilyId> = z.infer<(typeof PROBE_FAMILIES)[F]['schema']>;
/** The result a family's run returns (its `kind` is the family id). */
export type ResultOf<F extends FamilyId> = Awaited<ReturnType<(typeof PROBE_FAMILIES)[F]['run']>>;

/** A probe of any family, discriminated on `family`. */
export const anyProbeSchema = registry.probeSchema;
export type AnyProbe = z.infer<typeof anyProbeSchema>;
/** What a probe file may contain before defaults are filled in. */
export type AnyProbeInput = z.input<typeof anyProbeSchema>;
export type AnyResult = ResultOf<FamilyId>;

/** A stored result of any family, discriminated on `kind` (validated by the family's own result schema). */
export const anyResultSchema = registry.resultSchema;

/** A family module, typed for probes and results of any family (the caller pairs a probe with its own family). */
export type FamilyModule = ProbeFamily<AnyProbe, AnyResult>;

/** The module of a family id (a probe's `family`, a result's `kind`). @throws {ProbeValidationError} for an id no family has */
export const familyOf = (id: string): FamilyModule => registry.familyOf(id) as AnyFamilyModule as FamilyModule;

export { createRegistry, type Registry, type AnyFamilyModule } from './registry';
