// The dots of the counterfactual Δ plot: each family maps its rows to DeltaPoints (its points.ts);
// here they are put in display order. Sorting and ranking is presentation, not statistics.

/** One pair as a dot: its label, category and Δ log-prob (more − less stereotypical). */
export interface DeltaPoint {
  id: string;
  label: string;
  category: string;
  delta: number;
}

export interface RankedPoint extends DeltaPoint {
  rank: number;
}

/** The dots sorted by Δ (most negative first), ranked from 1 for the y axis. */
export const rankByDelta = (points: readonly DeltaPoint[]): RankedPoint[] => [...points].sort((a, b) => a.delta - b.delta).map((x, i) => ({ ...x, rank: i + 1 }));
