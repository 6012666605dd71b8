// The size class of a standardised mean difference (small, medium, large), in one place so every
// family that reports a d-like effect uses the same thresholds and says them the same way. The
// thresholds are Cohen's conventions for d; they are rules of thumb for reading, not a test.
//
// Source: Cohen, J. (1988), Statistical Power Analysis for the Behavioral Sciences, 2nd ed., §2.2.3
// (small d = 0.2, medium 0.5, large 0.8).

export type EffectSizeClass = 'negligible' | 'small' | 'medium' | 'large';

/** Lower edges of |d| for each class above 'negligible'. */
export const COHEN_D_THRESHOLDS = { small: 0.2, medium: 0.5, large: 0.8 } as const;

/** The thresholds as a reader is told them. */
export const COHEN_D_THRESHOLDS_TEXT = 'large is |d| ≥ 0.8, medium ≥ 0.5, small ≥ 0.2 (Cohen 1988)';

/** The class of |d| (edges belong to the higher class); null when d is not a finite number. Never throws. */
export function effectSizeClass(d: number): EffectSizeClass | null {
  if (!Number.isFinite(d)) return null;
  const size = Math.abs(d);
  if (size >= COHEN_D_THRESHOLDS.large) return 'large';
  if (size >= COHEN_D_THRESHOLDS.medium) return 'medium';
  if (size >= COHEN_D_THRESHOLDS.small) return 'small';
  return 'negligible';
}
