// The model's number beside a class's IAT: the class's results name their test only by the probe tag
// a participant code carries (core/iat/participantCode.ts), so the class view looks through this
// browser's run history for the newest run of a human IAT probe with that tag and shows its d (WEAT
// on word vectors or the likelihood IAT on a language model) on its own axis, with the run's model.
// Nothing is computed here; a class whose results name no test, or more than one, gets no model.
import { probeTag } from '../core/iat/participantCode';
import type { IatModelMeasure } from '../probes/families/human-iat/modelMeasure';
import type { IatStimuli } from '../probes/families/human-iat/result';
import { iatRunSideOfResult } from '../probes/families/human-iat/runSideOfResult';
import type { IatClassEntry } from './iatClassIntake';
import type { StoredRun } from './runRecord';

export interface ModelBesideClass {
  runId: string;
  probeId: string;
  title: string;
  /** The model's d; null when undefined (every target scored the same). */
  d: number | null;
  pValue: number;
  measure: IatModelMeasure;
  stimuli: IatStimuli;
  modelId: string;
  finishedAt: string;
}

/** The probe tag every tagged entry of the class shares; null when none has one or they differ. */
export function classProbeTag(entries: readonly Pick<IatClassEntry, 'probeTag'>[]): number | null {
  const tags = new Set(entries.flatMap((e) => (e.probeTag === null ? [] : [e.probeTag])));
  return tags.size === 1 ? [...tags][0]! : null;
}

/** The newest stored run's human IAT result on the class's test, as the class view shows it; null when there is none. */
export function modelBesideClass(entries: readonly Pick<IatClassEntry, 'probeTag'>[], runs: readonly Pick<StoredRun, 'runId' | 'finishedAt' | 'model' | 'results'>[]): ModelBesideClass | null {
  const tag = classProbeTag(entries);
  if (tag === null) return null;
  const newestFirst = [...runs].sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : a.finishedAt > b.finishedAt ? -1 : 0));
  for (const run of newestFirst) {
    for (const result of run.results) {
      const side = iatRunSideOfResult(result);
      if (!side || probeTag(side.probeId) !== tag) continue;
      return {
        runId: run.runId,
        probeId: side.probeId,
        title: side.title,
        d: Number.isNaN(side.effectSize) ? null : side.effectSize,
        pValue: side.pValue,
        measure: side.measure,
        stimuli: side.stimuli,
        modelId: run.model.id,
        finishedAt: run.finishedAt,
      };
    }
  }
  return null;
}
