// Per-word RIPA (mean inner product with the pairs' relation vectors) for the words of X and Y,
// sorted, as horizontal bars (charts/SortedWordBars.tsx, as the WEAT word chart draws s(w, A, B));
// the table lists every word with its spread over the pairs.
import type { RipaResult } from '../../../core/association/ripa';
import type { GroupSummary } from '../../../probes/families/types';
import { SortedWordBars, wordsShown } from '../../charts/SortedWordBars';

export function RipaWordChart({ result, groups, fileStem, large }: { result: RipaResult; groups: readonly GroupSummary[]; fileStem: string; large?: boolean }) {
  const items = result.items.map((it) => ({ word: it.word, set: it.set, score: it.ripa, spread: it.spread }));
  const { sorted, shown } = wordsShown(items);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const summary =
    `Bar chart of each word's RIPA, its mean inner product with the ${result.pairs.length} relation vector${result.pairs.length === 1 ? '' : 's'} from ${result.labels.second} to ${result.labels.first}, for ${result.items.length} words` +
    `${shown.length < sorted.length ? ` (showing the ${shown.length} most extreme)` : ''}. ` +
    (groups.length ? `${groups.map((g) => `${g.label} average ${g.value.toFixed(3)}`).join(', ')}. ` : '') +
    (top && bottom ? `Furthest towards ${result.labels.first}: “${top.word}” (${top.score.toFixed(3)}); towards ${result.labels.second}: “${bottom.word}” (${bottom.score.toFixed(3)}).` : '');
  return (
    <SortedWordBars
      items={items}
      setLabels={result.labels}
      towards={{ positive: result.labels.first, negative: result.labels.second }}
      axisLabel="RIPA (w · b)"
      title={`Word scores: ${result.title}`}
      summary={summary}
      fileStem={`${fileStem}_ripa-words`}
      large={large}
      table={{
        caption: `RIPA of every word of ${result.title}, furthest towards ${result.labels.first} first, with its spread (population SD) over the attribute pairs`,
        columns: ['Word', 'Set', 'RIPA', 'Spread over pairs'],
        rows: sorted.map((it) => [it.word, `${result.labels[it.set]} (${it.set})`, it.score.toFixed(4), it.spread.toFixed(4)]),
      }}
    />
  );
}
