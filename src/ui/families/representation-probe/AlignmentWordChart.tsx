// Each target word's alignment (cosine) with the direction the linear probe learned, sorted, as
// horizontal bars (charts/SortedWordBars.tsx, as the WEAT and RIPA word charts draw their scores).
import type { AnyRepresentationResult } from '../../../probes/families/representation-probe/result';
import type { GroupSummary } from '../../../probes/families/types';
import { SortedWordBars, wordsShown } from '../../charts/SortedWordBars';

export function AlignmentWordChart({ result, groups, fileStem, large }: { result: AnyRepresentationResult; groups: readonly GroupSummary[]; fileStem: string; large?: boolean }) {
  const items = result.items.map((it) => ({ word: it.word, set: it.set, score: it.alignment }));
  const { sorted, shown } = wordsShown(items);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const summary =
    `Bar chart of each word's cosine with the direction a linear probe learned from ${result.labels.A} (positive) against ${result.labels.B}, for ${result.items.length} words` +
    `${shown.length < sorted.length ? ` (showing the ${shown.length} most extreme)` : ''}. ` +
    (groups.length ? `${groups.map((g) => `${g.label} average ${g.value.toFixed(3)}`).join(', ')}. ` : '') +
    (top && bottom ? `Furthest towards ${result.labels.A}: “${top.word}” (${top.score.toFixed(3)}); towards ${result.labels.B}: “${bottom.word}” (${bottom.score.toFixed(3)}).` : '');
  return (
    <SortedWordBars
      items={items}
      setLabels={result.labels}
      towards={{ positive: result.labels.A, negative: result.labels.B }}
      axisLabel="cos(w, probe direction)"
      title={`Word alignments: ${result.title}`}
      summary={summary}
      fileStem={`${fileStem}_alignment-words`}
      large={large}
      table={{
        caption: `Alignment of every target word of ${result.title} with the probe's direction, furthest towards ${result.labels.A} first`,
        columns: ['Word', 'Set', 'cos(w, d)'],
        rows: sorted.map((it) => [it.word, `${result.labels[it.set]} (${it.set})`, it.score.toFixed(4)]),
      }}
    />
  );
}
