// The participant's result: their D in words with the conventional band (or hidden, if they chose),
// and beside it, on its own axis, the model's d on the same words (WEAT on word vectors or the
// likelihood IAT on a language model, in that measure's words) with a caution that the two measure
// different things; the exports and the code for the instructor. Every number and sentence
// comes from the kept result (scored by core, worded by the family); this only lays them out.
import { useId } from 'react';
import { iatTrialsToCsv } from '../../probes/import/iatTrialsCsv';
import { D_BAND_LIMITS, D_BANDS_TEXT, dMeaning } from '../../probes/families/human-iat/participantResult';
import { modelMeasureWords } from '../../probes/families/human-iat/modelMeasure';
import { formatD, formatP } from '../../probes/numberFormat';
import { downloadText } from '../download';
import type { KeptIatResult } from './keptIatResult';
import { participantCodeOf } from './participantCode';
import { ScoreAxis } from './ScoreAxis';

interface Props {
  kept: KeptIatResult;
  onHiddenChange: (hidden: boolean) => void;
}

const lower = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

export function IatResultView({ kept, onHiddenChange }: Props) {
  const { result: r, hidden } = kept;
  const hideId = useId();
  const s = r.score;
  const [X, A, B] = [lower(r.labels.X), lower(r.labels.A), lower(r.labels.B)];
  const code = participantCodeOf(r);
  const measure = modelMeasureWords(r.model.measure);
  const stem = `iat_${r.probeId}_${r.participant}`;
  return (
    <section className="iat-result" aria-label="Your IAT result">
      <div className="iat-hide">
        <input id={hideId} type="checkbox" checked={hidden} onChange={(e) => onHiddenChange(e.target.checked)} />
        <label htmlFor={hideId}>Hide my score</label>
      </div>
      <div className="iat-axes">
        {hidden ? (
          <p className="iat-hidden-note">Your score is hidden. It is still kept in this browser; untick “Hide my score” to see it.</p>
        ) : (
          <div className="iat-side">
            <ScoreAxis
              label="Your D"
              value={s.d}
              shown={s.d === null ? 'none' : formatD(s.d, 2)}
              limit={2}
              ticks={[D_BAND_LIMITS.slight, D_BAND_LIMITS.moderate, D_BAND_LIMITS.strong]}
              ends={[`faster with ${X} + ${B}`, `faster with ${X} + ${A}`]}
              colour="#0072B2"
            />
            <p className="iat-meaning">{dMeaning(s, r.labels)}</p>
            <p className="iat-small">{D_BANDS_TEXT}</p>
          </div>
        )}
        <div className="iat-side">
          <ScoreAxis
            label={measure.axisLabel}
            value={r.model.effectSize}
            shown={r.model.effectSize === null ? 'undefined' : formatD(r.model.effectSize, 2)}
            limit={2}
            ticks={[0.2, 0.5, 0.8]}
            ends={measure.ends(r.labels)}
            colour="#E69F00"
          />
          <p className="iat-small">
            {measure.computed} (p = {formatP(r.model.pValue)}); ticks at Cohen’s 0.2, 0.5 and 0.8.
          </p>
        </div>
      </div>
      <p className="iat-caution">
        <strong>Two different measures.</strong> Your D compares your own response times under the two pairings, scaled by your own variability. {measure.compares} Neither scale is the other’s, so read each on its own axis, not as one higher than the
        other.
      </p>
      {'code' in code ? (
        <p className="iat-code">
          Your code: <output aria-label="Participant code">{code.code}</output> — read this out or paste it to your instructor.
        </p>
      ) : (
        <p className="iat-small">No code for this result ({code.why}).</p>
      )}
      <div className="iat-exports">
        <button type="button" onClick={() => downloadText(iatTrialsToCsv(r.trials), `${stem}_trials.csv`, 'text/csv')}>
          Download my trials (CSV)
        </button>
        <button type="button" onClick={() => downloadText(JSON.stringify(r, null, 2), `${stem}_result.json`, 'application/json')}>
          Download my result (JSON)
        </button>
      </div>
      {!hidden && (
        <details className="iat-details">
          <summary>How this D was computed</summary>
          <ul>
            <li>
              D = <output aria-label="Exact D">{s.d === null ? 'none' : String(s.d)}</output>, the mean of the practice pair’s {s.practice.d === null ? 'none' : s.practice.d.toFixed(4)} (blocks 3
              and 6) and the test pair’s {s.test.d === null ? 'none' : s.test.d.toFixed(4)} (blocks 4 and 7).
            </li>
            <li>
              {s.trials.scored} of {s.trials.recorded} combined-block trials scored ({s.trials.droppedSlow} slower than 10 s dropped), {s.trials.errors} with an error (their time
              includes the correction), {s.trials.fast} faster than 300 ms.
            </li>
            <li>
              First pairing: {r.firstPairing === 'XA' ? `${r.labels.X} with ${r.labels.A}` : `${r.labels.X} with ${r.labels.B}`}; participant {r.participant}.
            </li>
          </ul>
        </details>
      )}
      <p className="iat-small">Nothing has left this device. The result stays in this browser until you export it or clear it.</p>
    </section>
  );
}
