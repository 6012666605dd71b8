// The participant part of a human IAT card, whichever model gave the number beside it: what the
// participant will do, the button that opens the participant screen and, once someone has taken the
// test in this browser, their kept result beside the model's number. Both human IAT families' cards
// show it above their own model body.
import { useRef, useState } from 'react';
import type { IatRunSide } from '../../probes/families/human-iat/result';
import { IatResultView } from './IatResultView';
import { keepIatResult, readKeptIatResult, type KeptIatResult } from './keptIatResult';
import { ParticipantIat } from './ParticipantIat';
import './participantIat.css';

interface Props {
  run: IatRunSide;
  /** What the card's number is, e.g. "the word vectors’ WEAT on the same words". */
  modelNumber: string;
}

export function TakeIatSection({ run, modelNumber }: Props) {
  const [open, setOpen] = useState(false);
  const [kept, setKept] = useState<KeptIatResult | null>(() => readKeptIatResult(run.probeId));
  const take = useRef<HTMLButtonElement>(null);
  const blocks = run.design.blockLengths;
  return (
    <>
      <section className="iat-card" aria-label="Take the IAT">
        <p>
          A participant sorts these words in the seven-block IAT (blocks of {blocks.join('/')} trials,{' '}
          {run.design.firstPairing === 'counterbalanced' ? 'pairing order counterbalanced' : `${run.design.firstPairing} first for everyone`}); the number above is {modelNumber}.
        </p>
        <button type="button" ref={take} onClick={() => setOpen(true)}>
          {kept ? 'Take the IAT again' : 'Take this IAT'}
        </button>
        {kept && (
          <IatResultView
            kept={kept}
            onHiddenChange={(hidden) => {
              const next = { ...kept, hidden };
              keepIatResult(next);
              setKept(next);
            }}
          />
        )}
      </section>
      {open && (
        <ParticipantIat
          model={run}
          onClose={(done) => {
            setOpen(false);
            if (done) setKept(done);
            requestAnimationFrame(() => take.current?.focus());
          }}
        />
      )}
    </>
  );
}
