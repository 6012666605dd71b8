// The human IAT's screens. The card: the model's WEAT on the IAT's words (the shared word-vector
// body) and the participant part — the button that opens the participant screen and, once someone
// has taken the test in this browser, their kept result beside the model's number. The class-mode
// slide: the participant's D and the model's d, large, each on its own axis.
import { useRef, useState } from 'react';
import { D_BAND_LIMITS } from '../../../probes/families/human-iat/participantResult';
import { modelSide, type HumanIatResult } from '../../../probes/families/human-iat/result';
import { formatD } from '../../../probes/numberFormat';
import { IatResultView } from '../../iat/IatResultView';
import { keepIatResult, readKeptIatResult, type KeptIatResult } from '../../iat/keptIatResult';
import { ParticipantIat } from '../../iat/ParticipantIat';
import { ScoreAxis } from '../../iat/ScoreAxis';
import { WordVectorBody } from '../shared/WordVectorBody';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import '../../iat/participantIat.css';

export function Body({ result, summary, fileStem, chartsOpen }: FamilyBodyProps<HumanIatResult>) {
  const [open, setOpen] = useState(false);
  const [kept, setKept] = useState<KeptIatResult | null>(() => readKeptIatResult(result.probeId));
  const take = useRef<HTMLButtonElement>(null);
  const blocks = result.design.blockLengths;
  return (
    <>
      <section className="iat-card" aria-label="Take the IAT">
        <p>
          A participant sorts these words in the seven-block IAT (blocks of {blocks.join('/')} trials,{' '}
          {result.design.firstPairing === 'counterbalanced' ? 'pairing order counterbalanced' : `${result.design.firstPairing} first for everyone`}); the number above is the
          word vectors’ WEAT on the same words.
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
      <WordVectorBody result={modelSide(result)} summary={summary} fileStem={fileStem} chartsOpen={chartsOpen} />
      {open && (
        <ParticipantIat
          model={result}
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

export function Slide({ result }: FamilySlideProps<HumanIatResult>) {
  const kept = readKeptIatResult(result.probeId);
  const d = result.effectSize as number;
  const person = kept && !kept.hidden ? kept.result.score.d : null;
  return (
    <div className="iat-slide">
      <ScoreAxis
        label="Participant’s D"
        value={person}
        shown={kept === null ? 'not taken here' : kept.hidden ? 'hidden' : person === null ? 'none' : formatD(person, 2)}
        limit={2}
        ticks={[D_BAND_LIMITS.slight, D_BAND_LIMITS.moderate, D_BAND_LIMITS.strong]}
        ends={[`faster with ${result.labels.X} + ${result.labels.B}`, `faster with ${result.labels.X} + ${result.labels.A}`]}
        colour="#0072B2"
      />
      <ScoreAxis
        label="Word vectors’ WEAT d"
        value={Number.isNaN(d) ? null : d}
        shown={formatD(d, 2)}
        limit={2}
        ticks={[0.2, 0.5, 0.8]}
        ends={[`${result.labels.X} nearer ${result.labels.B}`, `${result.labels.X} nearer ${result.labels.A}`]}
        colour="#E69F00"
      />
      <p className="iat-small">Two different measures, two axes: a person’s response-time D and a model’s similarity d are not on one scale.</p>
    </div>
  );
}
