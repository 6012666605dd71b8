// The name tests/runtime/lm/hubRepo.test.ts imports until it calls runProbesOnModel (./run.ts) with
// loadedLanguageModel(lm): LM probes on a loaded language model, through the one run path.
import type { RunRecord, RunResult } from '../../core/runRecord';
import type { AnyProbe } from '../../probes/families';
import type { FamilyRunContext } from '../../probes/families/types';
import type { LanguageModel } from '../../runtime/lm/node';
import { loadedLanguageModel } from '../modelLoaders';
import { runProbesOnModel } from './run';

/** @deprecated use runProbesOnModel(probes, loadedLanguageModel(lm), options) */
export const runLmProbesOnModel = (probes: readonly AnyProbe[], lm: LanguageModel, options: FamilyRunContext['options'], startedAt?: Date): Promise<RunRecord<AnyProbe, RunResult>> =>
  runProbesOnModel(probes, loadedLanguageModel(lm), options, startedAt);
