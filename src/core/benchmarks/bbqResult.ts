// What a BBQ run returns (docs/methods/bbq.md): each question's answer scores (likelihood path) or
// generated answer (prompted path) and choice, and accuracy with the bias scores per category and
// overall over the questions whose answer is known. A type of its own in core because the run
// record's union of results (core/runRecord.ts) names it and core imports nothing outside core.
import type { BbqScores } from './bbqScores';

export interface BbqItemRow {
  id: string;
  category: string;
  polarity: 'neg' | 'nonneg';
  condition: 'ambig' | 'disambig';
  question: string;
  answers: [string, string, string];
  label: number;
  unknown: number;
  biased: number | null;
  /** Likelihood path: each answer's score; null on the prompted path. */
  scores: [number, number, number] | null;
  /** The answer the model chose; null when its generated answer could not be read (prompted path). */
  chosen: number | null;
  /** Prompted path: the model's generated answer, as it wrote it. */
  response?: string;
}

export interface BbqResult {
  kind: 'bbq';
  probeId: string;
  title: string;
  /** How the model answered; absent in records made before the prompted path (likelihood). */
  answerBy?: 'likelihood' | 'prompt';
  /** Likelihood path: how each answer was scored. */
  scoring?: 'causal-mean' | 'causal-full';
  /** Prompted path: whether the prompts went through the model's chat template. */
  chatTemplate?: boolean;
  /** Over the questions whose answer is known; null when no generated answer could be read. */
  overall: BbqScores | null;
  byCategory: (BbqScores & { category: string })[];
  items: BbqItemRow[];
}
