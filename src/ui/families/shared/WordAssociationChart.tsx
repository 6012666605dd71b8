// Per-word association s(w, A, B) for the words of X and Y, sorted, as horizontal bars
// (charts/SortedWordBars.tsx draws them and the table). The per-set means in the text summary are the
// family summary's groups (computed in core, not here).
import type { AssociationResult } from '../../../core/association/types';
import type { GroupSummary } from '../../../probes/families/types';
import { SortedWordBars, wordsShown } from '../../charts/SortedWordBars';

/** What s(w, A, B) is on word vectors; a family whose association is another quantity passes its own `measure`. */
export const cosineMeasure = (r: AssociationResult): string => `mean cosine with ${r.labels.A} minus mean cosine with ${r.labels.B}`;

export function WordAssociationChart({
  result,
  groups,
  fileStem,
  large,
  measure = cosineMeasure,
}: {
  result: AssociationResult;
  groups: readonly GroupSummary[];
  fileStem: string;
  large?: boolean;
  /** What s(w, A, B) is, in words (default: cosines). */
  measure?: (r: AssociationResult) => string;
}) {
  const items = result.items.map((it) => ({ word: it.word, set: it.set, score: it.association }));
  const { sorted, shown } = wordsShown(items);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const summary =
    `Bar chart of s(w, A, B) = ${measure(result)}, for ${result.items.length} words` +
    `${shown.length < sorted.length ? ` (showing the ${shown.length} most extreme)` : ''}. ` +
    (groups.length ? `${groups.map((g) => `${g.label} average ${g.value.toFixed(3)}`).join(', ')}. ` : '') +
    (top && bottom ? `Most ${result.labels.A}-leaning: “${top.word}” (${top.score.toFixed(3)}); most ${result.labels.B}-leaning: “${bottom.word}” (${bottom.score.toFixed(3)}).` : '');
  return (
    <SortedWordBars
      items={items}
      setLabels={result.labels}
      towards={{ positive: result.labels.A, negative: result.labels.B }}
      axisLabel="s(w, A, B)"
      title={`Word associations: ${result.title}`}
      summary={summary}
      fileStem={`${fileStem}_words`}
      large={large}
      table={{
        caption: `s(w, A, B) of every word of ${result.title}, strongest toward ${result.labels.A} first`,
        columns: ['Word', 'Set', 's(w, A, B)'],
        rows: sorted.map((it) => [it.word, `${result.labels[it.set]} (${it.set})`, it.score.toFixed(4)]),
      }}
    />
  );
}
