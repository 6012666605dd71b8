// Summary of an inductive-bias run: each model class's bits −log₂ P(test error ≤ ε) read from the
// fitted loss model, with the fit's sampling-error interval and the empirical cross-check
// (docs/methods/inductive-bias.md); the classes side by side. The headline is the first class's bits
// (a list shows one number); the reading compares the classes in words. An estimate, not a test:
// no p and no verdict.
import { formatAdaptive } from '../../numberFormat';
import type { FamilySummary, Headline } from '../types';
import type { InductiveBiasClassResult, InductiveBiasResult } from './run';

export const INDUCTIVE_BIAS_HEADLINE_LABEL = 'Inductive bias (bits)';

const bitsText = (bits: number): string => (Number.isFinite(bits) ? bits.toFixed(2) : '∞');

/** "about 1 in 1,570 random draws" — what 2^bits means. */
export const oddsText = (bits: number): string => {
  if (!Number.isFinite(bits)) return 'no draw at all';
  const odds = 2 ** bits;
  return odds < 1.05 ? 'almost every random draw' : `about 1 in ${odds < 100 ? odds.toFixed(1) : Math.round(odds).toLocaleString('en-US')} random draws`;
};

/** "10.65 bits (95% fit interval 9.80–11.49)". */
export const classBitsText = (c: InductiveBiasClassResult): string => {
  const f = c.estimate.fitInterval;
  return `${bitsText(c.estimate.bits)} bits${f ? ` (${Math.round(f.level * 100)}% interval from the fit's sampling error ${bitsText(f.low)}–${bitsText(f.high)})` : ' (no interval: the fit carries no information on its spread)'}`;
};

/** The empirical cross-check in words. */
export const empiricalText = (c: InductiveBiasClassResult): string => {
  const e = c.estimate.empirical;
  if (e.reaching === 0) return `none of the ${c.estimate.samples} sampled hypotheses reached the target, so only the fitted tail speaks (the sample alone says ≥ ${bitsText(e.interval.low)} bits)`;
  const range = `${bitsText(e.interval.low)}–${e.interval.high === null ? '∞' : bitsText(e.interval.high)}`;
  return `${e.reaching} of ${c.estimate.samples} sampled hypotheses reached it (${bitsText(e.bits!)} bits, ${Math.round(e.interval.level * 100)}% interval ${range}); the fit ${e.modelAgrees ? 'agrees' : 'falls outside that interval, so the loss model misdescribes this tail'}`;
};

export function inductiveBiasHeadline(r: InductiveBiasResult): Headline {
  const first = r.classes[0]!;
  const shown = bitsText(first.estimate.bits);
  return {
    label: INDUCTIVE_BIAS_HEADLINE_LABEL,
    value: first.estimate.bits,
    shown,
    ci: null,
    p: null,
    pLabel: 'p',
    text: r.classes.map((c) => `${c.label}: ${bitsText(c.estimate.bits)} bits`).join('; ') + ` to reach test error ≤ ${formatAdaptive(r.target)}`,
  };
}

/** "Random ReLU networks": the class without its sizes (the table and the reading's detail give them). */
export const kindName = (c: InductiveBiasClassResult): string => (c.hypothesisClass.kind === 'random-mlp' ? 'Random ReLU networks' : 'Random Fourier features');

export function inductiveBiasDirection(r: InductiveBiasResult): string {
  const target = formatAdaptive(r.target);
  if (r.classes.length === 1) {
    const c = r.classes[0]!;
    return `Reaching test error ≤ ${target} from ${c.label} takes ${bitsText(c.estimate.bits)} bits of inductive bias: ${oddsText(c.estimate.bits)} gets there.`;
  }
  const sorted = [...r.classes].sort((a, b) => a.estimate.bits - b.estimate.bits);
  const best = sorted[0]!;
  const worst = sorted.at(-1)!;
  return `${kindName(best)} need ${bitsText(best.estimate.bits)} bits to reach test error ≤ ${target} (${oddsText(best.estimate.bits)}), ${kindName(worst).toLowerCase().replace('relu', 'ReLU')} ${bitsText(worst.estimate.bits)} bits (${oddsText(worst.estimate.bits)}): the first lean further towards what this task needs.`;
}

export function summarizeInductiveBias(r: InductiveBiasResult): FamilySummary {
  const perClass = r.classes.map((c) => `${c.label}: ${classBitsText(c)}; ${empiricalText(c)}`).join('. ');
  const model = r.lossModel === 'normal' ? 'a normal distribution' : 'a scaled non-central χ² distribution';
  return {
    headline: inductiveBiasHeadline(r),
    reading: `${inductiveBiasDirection(r)} Each class's ${r.hypotheses} random hypotheses were fitted to ${r.task.trainSize} training points and their test errors modelled by ${model}. ${perClass}.`,
    plain: {
      direction: inductiveBiasDirection(r),
      magnitude: 'Each bit halves the share of random hypotheses that reach the target: fewer bits, a better-suited model class.',
      chance: `Estimates from ${r.hypotheses} seeded random draws per class (seed ${r.seed}), not a statistical test; the intervals give their sampling error.`,
    },
    significance: null,
    groups: r.classes.map((c) => ({ label: c.label, value: c.estimate.bits, n: c.estimate.samples })),
  };
}
