// RStd, Zheng et al.'s (2024) measure of selection bias: the spread, across option IDs, of the
// recall of questions whose gold answer sits at that ID. The reference code takes sklearn's
// per-class recall ×100 and numpy's np.std, i.e. the POPULATION SD (ddof = 0) over the k IDs;
// we follow that, so RStd values are comparable with the paper's tables.
import { InvalidLmInputError } from '../../errors';
import { standardDeviation } from '../../stats/descriptive';

export interface RecallByPosition {
  /** Recall per option ID (position) in [0, 1]: #(pred = p ∧ gold = p)/#(gold = p). */
  recall: number[];
  /** Gold answers per ID. */
  support: number[];
  /** Population SD of 100·recall over the k IDs. */
  rstd: number;
  /** Overall accuracy #(pred = gold)/N. */
  accuracy: number;
}

/**
 * Per-ID recall and RStd = sqrt(mean_p (100·recall_p − mean)²) (population SD).
 * Source: Zheng et al. (2024), ICLR, §2.2 ("RStd"); chujiezheng/LLM-MCQ-Bias `code/debias_pride.py`
 * (`recalls = [report[str(e)]['recall'] * 100 …]; np.std(recalls)`).
 * @throws {InvalidLmInputError} when lengths differ, k < 2, an index is out of range, or an ID never
 *   holds the gold answer (its recall is undefined; cyclic orders avoid this)
 */
export function recallStd(predicted: ArrayLike<number>, gold: ArrayLike<number>, k: number): RecallByPosition {
  if (predicted.length !== gold.length) throw new InvalidLmInputError(`${predicted.length} predictions but ${gold.length} gold answers`);
  if (!Number.isInteger(k) || k < 2) throw new InvalidLmInputError(`need at least 2 option IDs, got ${k}`);
  const hits = new Array<number>(k).fill(0);
  const support = new Array<number>(k).fill(0);
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    if (!(g >= 0 && g < k && Number.isInteger(g)) || !(p >= 0 && p < k && Number.isInteger(p))) throw new InvalidLmInputError(`observation ${i}: option index out of range`);
    support[g]!++;
    if (p === g) {
      hits[g]!++;
      correct++;
    }
  }
  const empty = support.findIndex((s) => s === 0);
  if (empty >= 0) throw new InvalidLmInputError(`option ID ${empty} never holds the correct answer, so its recall is undefined`);
  const recall = hits.map((h, p) => h / support[p]!);
  const rstd = standardDeviation(recall.map((r) => 100 * r), 'population');
  return { recall, support, rstd, accuracy: correct / gold.length };
}
