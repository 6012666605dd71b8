// One block of trials: the category labels at the top left and right, the stimulus in the centre,
// the E and I keys and the two halves of the window (touch) as the responses. A wrong response shows
// a red X that stays until the correct one; the latency is to the correct response (the built-in
// error penalty). The clock starts at the first animation frame after the stimulus is in the page
// and stops at the correct response, both from performance.now(); between trials the centre is
// blank for 250 ms. Held-down keys (auto-repeat) and responses in the blank interval are ignored.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { IatTrial } from '../../core/iat/trial';
import { trialRecord } from '../../probes/families/human-iat/participantResult';
import type { IatBlockPlan, IatCategoryKey, IatSide } from '../../probes/families/human-iat/sessionPlan';
import { CategoryLabels } from './CategoryLabels';

export const INTER_TRIAL_MS = 250;

interface Props {
  plan: IatBlockPlan;
  labels: Record<IatCategoryKey, string>;
  participant: string;
  /** The stop question is open: responses are ignored and the trial's clock restarts when it closes. */
  paused: boolean;
  onDone: (trials: IatTrial[]) => void;
}

const msOf = (t: number) => Math.round(t * 1000) / 1000;

export function IatBlockTrials({ plan, labels, participant, paused, onDone }: Props) {
  const [index, setIndex] = useState(0);
  const [blank, setBlank] = useState(false);
  const [wrong, setWrong] = useState(false);
  const shownAt = useRef<number | null>(null);
  const hadError = useRef(false);
  const recorded = useRef<IatTrial[]>([]);
  const trial = plan.trials[index]!;

  useLayoutEffect(() => {
    shownAt.current = null;
    if (blank || paused) return;
    const frame = requestAnimationFrame(() => {
      shownAt.current = performance.now();
    });
    return () => cancelAnimationFrame(frame);
  }, [index, blank, paused]);

  const respond = useCallback(
    (side: IatSide) => {
      const start = shownAt.current;
      if (start === null || blank || paused) return;
      if (side !== trial.side) {
        hadError.current = true;
        setWrong(true);
        return;
      }
      const latency = msOf(performance.now() - start);
      shownAt.current = null;
      recorded.current.push(trialRecord(participant, plan, trial, labels[trial.category], !hadError.current, latency));
      hadError.current = false;
      setWrong(false);
      if (index + 1 === plan.trials.length) {
        onDone(recorded.current);
        return;
      }
      setBlank(true);
      window.setTimeout(() => {
        setIndex((i) => i + 1);
        setBlank(false);
      }, INTER_TRIAL_MS);
    },
    [blank, paused, trial, participant, plan, labels, index, onDone],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'e' || key === 'i') {
        e.preventDefault();
        respond(key === 'e' ? 'left' : 'right');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [respond]);

  return (
    <div className="iat-trials">
      <CategoryLabels plan={plan} labels={labels} />
      <div className="iat-stage" aria-live="off">
        <p className="iat-stimulus" data-testid="iat-stimulus">
          {blank ? '' : trial.stimulus}
        </p>
        <p className="iat-wrong" aria-live="assertive">
          {wrong && !blank ? (
            <span role="img" aria-label="Wrong key: press the other one">
              ✗
            </span>
          ) : null}
        </p>
      </div>
      <p className="iat-progress" aria-live="off">
        Trial {index + 1} of {plan.trials.length}
      </p>
      <div className="iat-touch">
        <button type="button" className="iat-touch-left" tabIndex={-1} aria-label="Left (E)" onPointerDown={(e) => (e.preventDefault(), respond('left'))}>
          E
        </button>
        <button type="button" className="iat-touch-right" tabIndex={-1} aria-label="Right (I)" onPointerDown={(e) => (e.preventDefault(), respond('right'))}>
          I
        </button>
      </div>
    </div>
  );
}
