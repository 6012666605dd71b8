// Orchestration of the counterfactual families: turn a probe into scoring requests, score them in
// batches (scorer.ts), and hand the numbers to src/core/lm's pair analysis. No statistics here.
//
// counterfactual-pairs: 'causal-full' / 'causal-mean' score each whole sentence with the causal LM
// (the first token conditioned on BOS); 'masked-pll' scores each sentence's pseudo-log-likelihood
// and keeps only the tokens the two sentences share (alignTokens.ts), as CrowS-Pairs does.
// counterfactual-template: the helper's expandGroupTemplates builds the aligned variant sets; the
// scored span depends on the probe's scoring (definitions.ts TemplateScoring), and each set is
// oriented towards the group its annotated slot value is stereotypically linked to.
import { analyzeCounterfactualPairs } from '../lm/counterfactual/analyzeCounterfactualPairs';
import type { CounterfactualPair } from '../lm/counterfactual/types';
import { InvalidLmInputError } from '../errors';
import { expandGroupTemplates } from '../lm/templates/expandGroupTemplates';
import { fillTemplate, parseTemplate } from '../lm/templates/templateSlots';
import { sharedTokenPositions } from './alignTokens';
import type { CounterfactualPairsDefinition, CounterfactualTemplateDefinition, SlotValueDefinition, TemplateScoring } from './definitions';
import { checkScorerKind, ScoreBatcher, type LanguageModelScorer, type LmRunProgress } from './scorer';
import type { CounterfactualPairRow, CounterfactualPairsResult, CounterfactualTemplateResult, CounterfactualTemplateRow, LmRunOptions } from './types';
import { validateLmRunOptions } from './options';

export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (p: LmRunProgress) => void;
}

const deltaOptions = (options: LmRunOptions) => ({
  bootstrap: options.bootstrap,
  confidenceLevel: options.confidenceLevel,
  permutations: options.permutations,
  exactLimit: options.signFlipExactLimit,
  seed: options.seed,
});

/**
 * Run a CrowS-Pairs-style pair probe.
 * Scores: causal-full = Σ log p over the sentence's tokens; causal-mean = the same per token (the
 * analysis uses Δ per token); masked-pll = Σ PLL over the tokens shared with the other sentence.
 * Source: Nangia et al. (2020) and nyu-mll/crows-pairs metric.py (PLL over unmodified tokens,
 * direction-aware bookkeeping); lm-evaluation-harness crows_pairs (causal full-sentence LL).
 * @throws {UnsupportedModelError} when the model cannot score the probe's way
 * @throws the errors of analyzeCounterfactualPairs and validateLmRunOptions
 */
export async function runCounterfactualPairs(
  probe: CounterfactualPairsDefinition,
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: RunControl = {},
): Promise<CounterfactualPairsResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}" (${probe.scoring})`;
  const masked = probe.scoring === 'masked-pll';
  checkScorerKind(scorer, masked ? 'masked' : 'causal', what);
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  for (const pair of probe.pairs) {
    if (masked) {
      batcher.pll(pair.more);
      batcher.pll(pair.less);
    } else {
      batcher.text(pair.more);
      batcher.text(pair.less);
    }
  }
  await batcher.flush(what);

  const scored = probe.pairs.map((pair) => {
    if (!masked) {
      const more = batcher.textScore(pair.more);
      const less = batcher.textScore(pair.less);
      return { more: { logProb: more.total, tokens: more.logProbs.length }, less: { logProb: less.total, tokens: less.logProbs.length } };
    }
    const more = batcher.pllScore(pair.more);
    const less = batcher.pllScore(pair.less);
    const shared = sharedTokenPositions(more.ids, less.ids);
    if (shared.a.length === 0) throw new InvalidLmInputError(`pair "${pair.id}": the two sentences share no tokens, so their PLL over unmodified tokens is undefined`);
    const sum = (lps: readonly number[], at: number[]) => at.reduce((s, i) => s + lps[i]!, 0);
    return { more: { logProb: sum(more.logProbs, shared.a), tokens: shared.a.length }, less: { logProb: sum(less.logProbs, shared.b), tokens: shared.b.length } };
  });
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const pairs: CounterfactualPair[] = probe.pairs.map((pair, i) => ({ id: pair.id, ...(pair.category ? { category: pair.category } : {}), ...scored[i]! }));
  const scale = probe.scoring === 'causal-mean' ? 'mean-per-token' : 'sum';
  const analysis = analyzeCounterfactualPairs(pairs, { ...deltaOptions(options), scale }, probe.id);
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });

  const items: CounterfactualPairRow[] = probe.pairs.map((pair, i) => {
    const d = analysis.items[i]!;
    const s = scored[i]!;
    return {
      id: pair.id,
      category: pair.category ?? null,
      direction: pair.direction ?? null,
      more: pair.more,
      less: pair.less,
      scoreMore: s.more.logProb,
      scoreLess: s.less.logProb,
      tokensMore: s.more.tokens,
      tokensLess: s.less.tokens,
      delta: d.delta,
      deltaSum: d.deltaSum,
      deltaPerToken: d.deltaPerToken,
    };
  });
  const byDirection = (['stereo', 'antistereo'] as const).flatMap((direction) => {
    const rows = items.filter((r) => r.direction === direction);
    if (rows.length === 0) return [];
    const stereotypical = rows.filter((r) => r.delta > 0).length;
    return [{ direction, n: rows.length, stereotypical, pctStereotype: stereotypical / rows.length }];
  });
  return {
    kind: 'counterfactual-pairs',
    probeId: probe.id,
    title: probe.title,
    scoring: probe.scoring,
    scale,
    summary: analysis.overall,
    byCategory: analysis.byCategory,
    byDirection,
    items,
  };
}

/** The scoring a template probe uses: 'auto' → 'conditional' when a slot follows the group slot, else 'shared-prefix'. */
export function resolveTemplateScoring(template: string, groupSlot: string, scoring: TemplateScoring): Exclude<TemplateScoring, 'auto'> {
  if (scoring !== 'auto') return scoring;
  const parts = parseTemplate(template);
  const at = parts.findIndex((p) => p.kind === 'slot' && p.slot === groupSlot);
  return parts.slice(at + 1).some((p) => p.kind === 'slot') ? 'conditional' : 'shared-prefix';
}

const valueOf = (v: string | SlotValueDefinition): string => (typeof v === 'string' ? v : v.value);

/**
 * Run a template counterfactual probe: every fill of the non-group slots × every term pair gives
 * one pair of variants differing only in the group term; Δ = score(stereotyped group's variant) −
 * score(other). Orientation: the group named by the `stereotype` annotation of the fill's value;
 * without an annotation, groups[0] is "more". The scored span follows `scoring`:
 *   conditional: log p(rest | text through the group term); shared-prefix: log p(term + rest | text
 *   before the term); full-sentence: whole-sentence log-likelihood.
 * Source: Kurita et al. (2019) (template log-probabilities); summaries as analyzeCounterfactualPairs.
 * @throws {UnsupportedModelError} for a masked LM
 * @throws the errors of expandGroupTemplates and analyzeCounterfactualPairs
 */
export async function runCounterfactualTemplate(
  probe: CounterfactualTemplateDefinition,
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: RunControl = {},
): Promise<CounterfactualTemplateResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'causal', what);
  const scoring = resolveTemplateScoring(probe.template, probe.groupSlot, probe.scoring);
  const [g0, g1] = probe.groups;
  const slotValues = Object.fromEntries(Object.entries(probe.slots).map(([k, vs]) => [k, vs.map(valueOf)]));
  const stereotypeOf = new Map<string, string>();
  for (const [slot, values] of Object.entries(probe.slots)) {
    for (const v of values) if (typeof v === 'object' && v.stereotype) stereotypeOf.set(`${slot}\u0000${v.value}`, v.stereotype);
  }
  const sets = expandGroupTemplates({
    templates: [probe.template],
    groupSlot: probe.groupSlot,
    groups: [
      { name: g0.id, terms: [...g0.terms] },
      { name: g1.id, terms: [...g1.terms] },
    ],
    slotValues,
  });
  const parts = parseTemplate(probe.template);
  const groupAt = parts.findIndex((p) => p.kind === 'slot' && p.slot === probe.groupSlot);
  const beforeGroup = (fill: Record<string, string>) =>
    parts
      .slice(0, groupAt)
      .map((p) => (p.kind === 'text' ? p.text : fill[p.slot]!))
      .join('');

  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  type Span = { context: string; scored: string; key: string; full: boolean };
  const spanOf = (variant: { text: string; prefix: string; continuation: string }, fill: Record<string, string>): Span => {
    if (scoring === 'full-sentence') return { context: '', scored: variant.text, key: batcher.text(variant.text), full: true };
    if (scoring === 'conditional') return { context: variant.prefix, scored: variant.continuation, key: batcher.continuation(variant.prefix, variant.continuation), full: false };
    const context = beforeGroup(fill);
    const scored = variant.text.slice(context.length);
    return { context, scored, key: batcher.continuation(context, scored), full: false };
  };
  const planned = sets.map((set) => {
    let stereotyped: string | undefined;
    for (const [slot, value] of Object.entries(set.fill)) stereotyped ??= stereotypeOf.get(`${slot}\u0000${value}`);
    const moreGroup = stereotyped ?? g0.id;
    const more = set.variants.find((v) => v.group === moreGroup)!;
    const less = set.variants.find((v) => v.group !== moreGroup)!;
    return { set, annotated: stereotyped !== undefined, more, less, moreSpan: spanOf(more, set.fill), lessSpan: spanOf(less, set.fill) };
  });
  await batcher.flush(what);

  const score = (span: Span) => {
    if (span.full) {
      const s = batcher.textScore(span.key);
      return { logProb: s.total, tokens: s.logProbs.length };
    }
    const s = batcher.continuationScore(span.key);
    return { logProb: s.total, tokens: s.perToken.length };
  };
  const labelOf = (id: string) => (id === g0.id ? g0.label : g1.label);
  const scoredRows = planned.map((p) => ({ ...p, moreScore: score(p.moreSpan), lessScore: score(p.lessSpan) }));
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const pairs: CounterfactualPair[] = scoredRows.map((r) => ({
    id: r.set.id,
    ...(r.annotated ? { category: `stereotypically ${labelOf(r.more.group)}` } : {}),
    more: r.moreScore,
    less: r.lessScore,
  }));
  const analysis = analyzeCounterfactualPairs(pairs, { ...deltaOptions(options), scale: 'sum' }, probe.id);
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  const items: CounterfactualTemplateRow[] = scoredRows.map((r, i) => ({
    id: r.set.id,
    fill: { ...r.set.fill },
    termIndex: r.set.termIndex,
    moreGroup: r.more.group,
    lessGroup: r.less.group,
    moreTerm: r.more.term,
    lessTerm: r.less.term,
    moreContext: r.moreSpan.context,
    moreScored: r.moreSpan.scored,
    lessContext: r.lessSpan.context,
    lessScored: r.lessSpan.scored,
    scoreMore: r.moreScore.logProb,
    scoreLess: r.lessScore.logProb,
    tokensMore: r.moreScore.tokens,
    tokensLess: r.lessScore.tokens,
    delta: analysis.items[i]!.delta,
  }));
  return {
    kind: 'counterfactual-template',
    probeId: probe.id,
    title: probe.title,
    scoring,
    summary: analysis.overall,
    byCategory: analysis.byCategory,
    items,
  };
}

/** Fill a template (re-exported for the other runners). @throws as fillTemplate */
export const fill = (template: string, values: Readonly<Record<string, string>>): string => fillTemplate(template, values);
