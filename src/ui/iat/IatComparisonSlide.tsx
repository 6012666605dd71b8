// The class-mode slide of a human IAT, whichever model gave the number: the participant's D kept in
// this browser and the model's d, large, each on its own axis, with the measure's own words.
import { D_BAND_LIMITS } from '../../probes/families/human-iat/participantResult';
import { modelMeasureWords } from '../../probes/families/human-iat/modelMeasure';
import type { IatRunSide } from '../../probes/families/human-iat/result';
import { formatD } from '../../probes/numberFormat';
import { readKeptIatResult } from './keptIatResult';
import { ScoreAxis } from './ScoreAxis';
import './participantIat.css';

const lower = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

export function IatComparisonSlide({ run }: { run: IatRunSide }) {
  const kept = readKeptIatResult(run.probeId);
  const d = run.effectSize;
  const person = kept && !kept.hidden ? kept.result.score.d : null;
  const labels = { X: run.stimuli.X.label, Y: run.stimuli.Y.label, A: run.stimuli.A.label, B: run.stimuli.B.label };
  const words = modelMeasureWords(run.measure);
  return (
    <div className="iat-slide">
      <ScoreAxis
        label="Participant’s D"
        value={person}
        shown={kept === null ? 'not taken here' : kept.hidden ? 'hidden' : person === null ? 'none' : formatD(person, 2)}
        limit={2}
        ticks={[D_BAND_LIMITS.slight, D_BAND_LIMITS.moderate, D_BAND_LIMITS.strong]}
        ends={[`faster with ${lower(labels.X)} + ${lower(labels.B)}`, `faster with ${lower(labels.X)} + ${lower(labels.A)}`]}
        colour="#0072B2"
      />
      <ScoreAxis
        label={words.axisLabel}
        value={Number.isNaN(d) ? null : d}
        shown={formatD(d, 2)}
        limit={2}
        ticks={[0.2, 0.5, 0.8]}
        ends={words.ends(labels)}
        colour="#E69F00"
      />
      <p className="iat-small">Two different measures, two axes: a person’s response-time D and a model’s d are not on one scale.</p>
    </div>
  );
}
