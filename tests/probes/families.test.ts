// The family registry (src/probes/families): every family by its id, the one probe schema built
// from it, and what a family's summary says — the headline, the verdict under the one significance
// rule (Holm-adjusted p when the batch adjusted it) and the per-target-set means core computes.
import { describe, expect, it } from 'vitest';
import { targetSetMeans } from '../../src/core/association/targetSetMeans';
import type { PValue } from '../../src/core/units';
import { anyProbeSchema, FAMILY_IDS, familyOf, PROBE_FAMILIES } from '../../src/probes/families';
import { getAnyBuiltinProbe as maybeBuiltin, listAllBuiltinProbes } from '../../src/probes/builtin';
import { flowersResult } from '../state/fixtures';

const getAnyBuiltinProbe = (id: string) => {
  const probe = maybeBuiltin(id);
  if (!probe) throw new Error(`no built-in ${id}`);
  return probe;
};

describe('registry', () => {
  it('holds every family under its id, frozen, in export order', () => {
    expect(FAMILY_IDS).toEqual([
      'weat', 'seat', 'counterfactual-pairs', 'counterfactual-template', 'decision-template',
      'mcq-position', 'pairwise-position', 'lm-iat', 'llm-iat-prompt', 'llm-decision-prompt', 'ripa',
      'simplicity-lms', 'inductive-bias', 'stereoset', 'bbq', 'coref-likelihood', 'human-iat', 'human-iat-lm', 'judge-verbosity', 'representation-probe', 'representation-probe-lm',
      'holistic-bias', 'discrim-eval',
    ]);
    for (const id of FAMILY_IDS) expect(familyOf(id).id).toBe(id);
    expect(Object.isFrozen(PROBE_FAMILIES)).toBe(true);
    expect(() => familyOf('nope')).toThrow(/unknown family "nope"; this version understands: weat, seat, counterfactual-pairs/);
  });

  it('parses every built-in with the union built from the families, and each family with its own schema', () => {
    for (const { id } of listAllBuiltinProbes()) {
      const probe = getAnyBuiltinProbe(id);
      expect(anyProbeSchema.safeParse(probe).success, id).toBe(true);
      expect(familyOf(probe.family).schema.safeParse(probe).success, id).toBe(true);
    }
    const weat = getAnyBuiltinProbe('caliskan-weat-1');
    expect(familyOf('seat').schema.safeParse(weat).success).toBe(false);
  });

  it('declares what each probe needs of a model', () => {
    expect(familyOf('weat').needs(getAnyBuiltinProbe('caliskan-weat-1'))).toBe('embedding');
    expect(familyOf('counterfactual-pairs').needs(getAnyBuiltinProbe('lm-counterfactual-masked'))).toBe('masked');
    expect(familyOf('counterfactual-pairs').needs(getAnyBuiltinProbe('lm-counterfactual-basic'))).toBe('causal');
    expect(FAMILY_IDS.filter((id) => familyOf(id).needsInstructionModel === true)).toEqual(['llm-iat-prompt', 'llm-decision-prompt']);
  });
});

describe('summaries', () => {
  it('WEAT: verdict on the raw p when the run did not adjust it', () => {
    const s = familyOf('weat').summarize(flowersResult({ pValue: 0.03 as PValue }));
    expect(s.significance).toMatchObject({ p: 0.03, basis: 'raw', significant: true });
    expect(s.reading).toMatch(/^Flowers are more associated with pleasant words than insects are, a large effect; d = 1.17/);
    expect(s.headline.text).toBe('Effect size d = 1.170, p = 0.0300; stimulus-robust 95% CI [0.63, 1.52]');
  });

  it('WEAT in a batch: the Holm-adjusted p decides, and the reading follows it', () => {
    const s = familyOf('weat').summarize(flowersResult({ pValue: 0.03 as PValue, pHolm: 0.09 as PValue }));
    expect(s.significance).toMatchObject({ p: 0.09, basis: 'holm', significant: false });
    expect(s.significance!.statement).toBe('Not significant at α = 0.05 (Holm-adjusted p = 0.0900).');
    expect(s.reading).toContain('not statistically significant');
  });

  it('WEAT: the groups are the mean association of each target set', () => {
    const s = familyOf('weat').summarize(flowersResult());
    expect(s.groups).toEqual([
      { label: 'Flowers', value: (0.1 + 0.05) / 2, n: 2 },
      { label: 'Insects', value: (-0.1 - 0.02) / 2, n: 2 },
    ]);
  });

  it('the likelihood IAT reads as an LM result, with the same verdict rule', () => {
    const s = familyOf('lm-iat').summarize(flowersResult({ kind: 'lm-iat', pValue: 0.2 as PValue }));
    expect(s.reading).toMatch(/^The model finds pleasant attributes more likely after Flowers than after Insects, a large effect, but the difference is not statistically significant/);
    expect(s.significance?.significant).toBe(false);
  });

  it('MCQ position swaps: a descriptive rate has no verdict', () => {
    const r = { kind: 'mcq-position', contentChangeRate: 0.25, questions: 4, choiceRate: [0.5, 0.5], labels: ['A', 'B'], recall: null } as never;
    const s = familyOf('mcq-position').summarize(r);
    expect(s.significance).toBeNull();
    expect(s.reading).toBe('Only reordering the options changed the chosen answer in 25.0% of 4 questions; choice rate by position A 50.0%, B 50.0%.');
  });
});

describe('targetSetMeans', () => {
  it('averages each target set and counts its words; an empty set has no mean', () => {
    expect(targetSetMeans([{ word: 'a', set: 'X', association: 1 }, { word: 'b', set: 'X', association: 2 }])).toEqual([
      { set: 'X', mean: 1.5, n: 2 },
      { set: 'Y', mean: Number.NaN, n: 0 },
    ]);
  });
});
