// The participant's screen, over the whole window: consent, then for each of the seven blocks its
// instructions and its trials, then the debrief and the result. The plan of every trial comes from
// the family (sessionPlan.ts, seeded per participant), the score from core (scoreParticipant, via
// buildParticipantResult), the model's number (and which measure it is) from the run the card already holds; this screen only
// shows, times and keeps. Escape (or Stop) asks whether to stop at any point before the result;
// stopping keeps nothing.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { IatTrial } from '../../core/iat/trial';
import { buildParticipantResult } from '../../probes/families/human-iat/participantResult';
import { modelMeasureWords } from '../../probes/families/human-iat/modelMeasure';
import type { IatRunSide } from '../../probes/families/human-iat/result';
import { planIatSession, type IatBlockPlan, type IatCategoryKey } from '../../probes/families/human-iat/sessionPlan';
import { CategoryLabels } from './CategoryLabels';
import { IatBlockTrials } from './IatBlockTrials';
import { IatResultView } from './IatResultView';
import { keepIatResult, type KeptIatResult } from './keptIatResult';

type Phase = { at: 'consent' } | { at: 'instructions'; block: number } | { at: 'trials'; block: number } | { at: 'debrief' } | { at: 'result' };

interface Props {
  model: IatRunSide;
  onClose: (kept: KeptIatResult | null) => void;
}

/** A participant id nobody can trace back to a person: eight random hex digits. */
const newParticipantId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `p-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
};

const list = (keys: readonly IatCategoryKey[], labels: Record<IatCategoryKey, string>) => keys.map((k) => labels[k]).join(' or ');

function blockInstruction(plan: IatBlockPlan, labels: Record<IatCategoryKey, string>): string {
  const combined = plan.left.length > 1;
  const swapped = plan.block === 5 ? ' The groups have swapped sides: take care.' : '';
  const base = `Press E (or tap the left half) for ${list(plan.left, labels)}. Press I (or tap the right half) for ${list(plan.right, labels)}.`;
  const more = combined ? ' Each word belongs to one of the four groups; the labels at the top stay in view.' : '';
  return `${base}${more}${swapped} If you make a mistake a red ✗ appears: press the other key to go on. Go as fast as you can while making few mistakes.`;
}

export function ParticipantIat({ model, onClose }: Props) {
  const [participant] = useState(newParticipantId);
  const labels = useMemo(() => ({ X: model.stimuli.X.label, Y: model.stimuli.Y.label, A: model.stimuli.A.label, B: model.stimuli.B.label }), [model]);
  const plan = useMemo(
    () => planIatSession({ X: model.stimuli.X.words, Y: model.stimuli.Y.words, A: model.stimuli.A.words, B: model.stimuli.B.words }, model.design, participant),
    [model, participant],
  );
  const totalTrials = model.design.blockLengths.reduce((a, b) => a + b, 0);
  const [phase, setPhase] = useState<Phase>({ at: 'consent' });
  const [asking, setAsking] = useState(false);
  const [kept, setKept] = useState<KeptIatResult | null>(null);
  const [notStored, setNotStored] = useState(false);
  const trials = useRef<IatTrial[]>([]);
  const dialog = useRef<HTMLDivElement>(null);

  // The page behind is inert while the test is open: Tab stays in the test and screen readers read only it.
  useEffect(() => {
    const behind = document.getElementById('root');
    document.body.classList.add('iat-open');
    behind?.setAttribute('inert', '');
    return () => {
      document.body.classList.remove('iat-open');
      behind?.removeAttribute('inert');
    };
  }, []);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [phase, asking]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      if (phase.at === 'result') onClose(kept);
      else setAsking((a) => !a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, kept, onClose]);

  const blockDone = useCallback(
    (block: number) => (done: IatTrial[]) => {
      trials.current.push(...done);
      setPhase(block + 1 < plan.blocks.length ? { at: 'instructions', block: block + 1 } : { at: 'debrief' });
    },
    [plan],
  );

  const finish = () => {
    const result = buildParticipantResult(plan, model, trials.current, new Date());
    const next = { result, hidden: false };
    setNotStored(!keepIatResult(next));
    setKept(next);
    setPhase({ at: 'result' });
  };

  const setHidden = (hidden: boolean) => {
    if (!kept) return;
    const next = { ...kept, hidden };
    keepIatResult(next);
    setKept(next);
  };

  const current = phase.at === 'instructions' || phase.at === 'trials' ? plan.blocks[phase.block]! : null;

  return createPortal(
    <div className="iat-screen" role="dialog" aria-modal="true" aria-label={`Implicit Association Test: ${model.title}`} ref={dialog}>
      {phase.at !== 'result' && (
        <button type="button" className="iat-stop" onClick={() => setAsking(true)}>
          Stop (Esc)
        </button>
      )}
      {phase.at === 'consent' && (
        <div className="iat-text">
          <h2>Before you start</h2>
          <p>
            This is an Implicit Association Test (IAT). You will sort words into groups as fast as you can with two keys, E and I (or by tapping the left and right halves of the
            screen): {totalTrials} words in seven short parts, a few minutes in all.
          </p>
          <p>
            <strong>What is measured:</strong> which key you press for each word and how many milliseconds it takes you. Nothing else: no name, no camera, no microphone.
          </p>
          <p>
            <strong>Where it goes:</strong> nowhere. Your responses and score stay in this browser on this device. Nothing leaves it unless you export it yourself.
          </p>
          <p>
            <strong>You may stop at any time</strong> with Escape or the Stop button; stopping keeps nothing. At the end you can hide your own score.
          </p>
          <button type="button" className="iat-primary" data-autofocus onClick={() => setPhase({ at: 'instructions', block: 0 })}>
            I agree, start
          </button>
        </div>
      )}
      {phase.at === 'instructions' && current && (
        <div className="iat-instructions">
          <CategoryLabels plan={current} labels={labels} />
          <div className="iat-text">
            <h2>
              Part {current.block} of {plan.blocks.length}
            </h2>
            <p>{blockInstruction(current, labels)}</p>
            <button type="button" className="iat-primary" data-autofocus onClick={() => setPhase({ at: 'trials', block: phase.block })}>
              Start part {current.block}
            </button>
          </div>
        </div>
      )}
      {phase.at === 'trials' && current && (
        <IatBlockTrials key={current.block} plan={current} labels={labels} participant={participant} paused={asking} onDone={blockDone(phase.block)} />
      )}
      {phase.at === 'debrief' && (
        <div className="iat-text">
          <h2>Thank you: what the test measured</h2>
          <p>
            The IAT compares how fast you sorted when {labels.X} shared a key with {labels.A} with how fast you sorted when {labels.X} shared a key with {labels.B}. The
            difference, scaled by how variable your own times were, is your D score (Greenwald, Nosek &amp; Banaji 2003).
          </p>
          <p>
            <strong>What it does not measure:</strong> it is not a diagnosis and says nothing certain about how you act. Scores vary from one sitting to the next (test–retest
            reliability is modest, around 0.5), and practice, fatigue and which pairing came first move them.
          </p>
          <p>Next you will see your score, which you can hide, and beside it {modelMeasureWords(model.measure).besideYours}.</p>
          <button type="button" className="iat-primary" data-autofocus onClick={finish}>
            See my result
          </button>
        </div>
      )}
      {phase.at === 'result' && kept && (
        <div className="iat-text iat-text-wide">
          <h2 tabIndex={-1} data-autofocus>
            Your result
          </h2>
          {notStored && <p role="alert">This browser would not keep the result: export it now if you want it after closing this screen.</p>}
          <IatResultView kept={kept} onHiddenChange={setHidden} />
          <button type="button" className="iat-primary" onClick={() => onClose(kept)}>
            Close
          </button>
        </div>
      )}
      {asking && (
        <div className="iat-ask" role="alertdialog" aria-modal="true" aria-labelledby="iat-ask-title">
          <p id="iat-ask-title">Stop the test? Nothing you did so far is kept.</p>
          <button type="button" data-autofocus onClick={() => setAsking(false)}>
            Keep going
          </button>
          <button type="button" onClick={() => onClose(null)}>
            Stop and discard
          </button>
        </div>
      )}
    </div>,
    document.body,
  );
}
