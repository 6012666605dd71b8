// The heatmap's cells: tallies of which option (by its canonical index) was chosen at which
// position, from the per-presentation rows core produced. Display counts only; the rates the
// card states (choice rate, RStd, PriDe) come from core.
import type { McqPositionResult } from '../../../core/lmRun/types';

/**
 * Position × option: cell [p][o] = how often option o was chosen when shown at position p (`chosen`),
 * out of the presentations that showed it there (`shown`).
 */
export function positionOptionMatrix(r: Pick<McqPositionResult, 'options' | 'items'>): { chosen: number[][]; shown: number[][] } {
  const k = r.options;
  const chosen = Array.from({ length: k }, () => Array<number>(k).fill(0));
  const shown = Array.from({ length: k }, () => Array<number>(k).fill(0));
  for (const it of r.items) {
    it.order.forEach((o, p) => {
      shown[p]![o]!++;
      if (it.chosen === p) chosen[p]![o]!++;
    });
  }
  return { chosen, shown };
}
