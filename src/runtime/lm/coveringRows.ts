// Which token rows a causal scoring call must run through the model (languageModel.ts, scoreRanges).
// A sequence's last token is only ever a target — its logits would predict a token nobody scores —
// so sequence i needs the model to read seq[0 .. length − 1), and one row serves every sequence
// whose needed input it begins with: the logits at row position p depend only on row[0..p] (causal
// attention), so they are the logits sequence i would get alone at p. This covers identical
// requests, a prompt's one-token answers (all read the prompt and nothing else), and a longer
// answer's first tokens (prompt + "y" serves "yes" = "y|es" and every one-token answer). The
// discrim-eval decision probe's 1,152 (prompt, answer) requests become 288 rows and no
// per-answer passes at all.
// Sorted lexicographically (a sequence before its extensions), an input that is a prefix of any
// other input is a prefix of its successor, so a single backward sweep finds each input's row.
// A graph whose numbers for a position depend on the whole pass (dynamic quantisation scales by
// the whole tensor, batchInvariance.ts) breaks the causal argument: there only identical inputs
// share a row (`extensionsServe` false), so each sequence is still scored as it would be alone.
import { commonPrefixLength } from './prefixGroups';

interface CoveringRows {
  /** The rows to run: each the longest of the inputs it serves. */
  rows: number[][];
  /** members[r]: indices of the inputs row r serves (its own input included). */
  members: number[][];
}

/** Lexicographic order of id sequences, a sequence before its extensions (ties by index). */
const lexicographic =
  (inputs: readonly (readonly number[])[]) =>
  (a: number, b: number): number => {
    const x = inputs[a]!;
    const y = inputs[b]!;
    const k = commonPrefixLength(x, y);
    return k < x.length && k < y.length ? x[k]! - y[k]! : x.length - y.length || a - b;
  };

/**
 * The fewest rows such that every input is a prefix of (or equal to) one of them; with
 * `extensionsServe` false, the distinct inputs (an input served only by an identical row).
 */
export function coveringRows(inputs: readonly (readonly number[])[], extensionsServe = true): CoveringRows {
  const order = inputs.map((_, i) => i).sort(lexicographic(inputs));
  const rowOf = new Int32Array(inputs.length);
  const rows: number[][] = [];
  const members: number[][] = [];
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const next = k + 1 < order.length ? order[k + 1]! : -1;
    const served =
      next >= 0 &&
      commonPrefixLength(inputs[i]!, inputs[next]!) === inputs[i]!.length &&
      (extensionsServe || inputs[next]!.length === inputs[i]!.length);
    if (served) {
      rowOf[i] = rowOf[next]!;
      members[rowOf[i]!]!.push(i);
    } else {
      rowOf[i] = rows.length;
      rows.push([...inputs[i]!]);
      members.push([i]);
    }
  }
  // Back to first-request order, so passes follow the caller's order as before.
  const byFirst = rows.map((_, r) => r).sort((a, b) => Math.min(...members[a]!) - Math.min(...members[b]!));
  return { rows: byFirst.map((r) => rows[r]!), members: byFirst.map((r) => members[r]!.sort((a, b) => a - b)) };
}
