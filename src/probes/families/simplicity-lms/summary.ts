// Summary of an LMS-k run: the headline is the accuracy with the linear coordinate randomised (the
// number the lesson turns on: near 50% means the network ignores the slabs it could have used), the
// reading says in words what the three test accuracies show. Accuracies on a fixed test set are
// descriptive here (no test, no verdict); docs/methods/simplicity-bias.md gives the paper's criterion.
import { formatPercent } from '../../numberFormat';
import type { FamilySummary, Headline } from '../types';
import type { SimplicityLmsResult } from './run';

export const LMS_HEADLINE_LABEL = 'Accuracy with the linear coordinate randomised';

/** Shah et al.'s reading of the two randomised accuracies: the linear coordinate decides when randomising it leaves ≤ 60% and randomising the slabs keeps ≥ 90% of clean accuracy. */
export const ridesOnLinear = (r: SimplicityLmsResult): boolean => r.linearRandomisedAccuracy <= 0.6 && r.slabsRandomisedAccuracy >= 0.9 * r.cleanAccuracy;

export function simplicityLmsHeadline(r: SimplicityLmsResult): Headline {
  const shown = formatPercent(r.linearRandomisedAccuracy);
  return {
    label: LMS_HEADLINE_LABEL,
    value: r.linearRandomisedAccuracy,
    shown,
    ci: null,
    p: null,
    pLabel: 'p',
    text: `${LMS_HEADLINE_LABEL} = ${shown} (clean ${formatPercent(r.cleanAccuracy)}, slabs randomised ${formatPercent(r.slabsRandomisedAccuracy)})`,
  };
}

export function simplicityLmsDirection(r: SimplicityLmsResult): string {
  const linear = formatPercent(r.linearRandomisedAccuracy);
  const slabs = formatPercent(r.slabsRandomisedAccuracy);
  const clean = formatPercent(r.cleanAccuracy);
  if (ridesOnLinear(r))
    return `The network rides on the linear coordinate: randomising it drops test accuracy from ${clean} to ${linear}, while randomising the ${r.settings.slabCoordinates} slab coordinate${r.settings.slabCoordinates === 1 ? '' : 's'} keeps ${slabs}.`;
  return `The network does not rely on the linear coordinate alone: randomising it leaves ${linear} of test accuracy, and randomising the slab coordinates leaves ${slabs} (clean ${clean}).`;
}

export function summarizeSimplicityLms(r: SimplicityLmsResult): FamilySummary {
  const last = r.lossCurve.at(-1);
  const reading = `${simplicityLmsDirection(r)} Every slab coordinate alone also separates the classes perfectly, so the network could have used them; it learned the simplest feature instead (simplicity bias). Trained ${r.lossCurve.length} epoch${r.lossCurve.length === 1 ? '' : 's'}${last ? `, final training loss ${last.trainLoss.toFixed(4)}` : ''}, training accuracy ${formatPercent(r.trainAccuracy)}.`;
  return {
    headline: simplicityLmsHeadline(r),
    reading,
    plain: {
      direction: simplicityLmsDirection(r),
      magnitude: 'Chance is 50%. The paper: a feature is relied on when randomising it leaves ≤ 60%, ignored when randomising it keeps ≥ 90% of clean accuracy.',
      chance: `Accuracies on ${r.settings.testSize.toLocaleString('en-US')} fresh test examples from one seeded run (seed ${r.seed}), not a statistical test.`,
    },
    significance: null,
    groups: [
      { label: 'Clean test data', value: r.cleanAccuracy, n: r.settings.testSize },
      { label: 'Linear coordinate randomised', value: r.linearRandomisedAccuracy, n: r.settings.testSize },
      { label: 'Slab coordinates randomised', value: r.slabsRandomisedAccuracy, n: r.settings.testSize },
    ],
  };
}
