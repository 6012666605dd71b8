// What a BBQ run returns (docs/methods/bbq.md): each question's answer scores and choice, and
// accuracy with the bias scores per category and overall. A type of its own in core because the run
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
  scores: [number, number, number];
  chosen: number;
}

export interface BbqResult {
  kind: 'bbq';
  probeId: string;
  title: string;
  scoring: 'causal-mean' | 'causal-full';
  overall: BbqScores;
  byCategory: (BbqScores & { category: string })[];
  items: BbqItemRow[];
}
