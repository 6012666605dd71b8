// The human IAT beside a language model: its run on a hand-computable scorer gives the likelihood
// IAT's d, p and per-word scores worked by hand (the same construction as the likelihood IAT's own
// orchestration test), keeps the participant's words as written and the design; the participant's
// result names the measure and carries that d; the CSV and the reading say which family and model
// side they are; a stored result re-validates. The CLI test (tests/cli/lmRun.test.ts) checks the
// built-in on the embedded GPT against the likelihood IAT's recorded reference run.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun';
import { anyResultSchema, familyOf } from '../../src/probes/families';
import { participantSideOf, type HumanIatLmResult } from '../../src/probes/families/human-iat-lm/result';
import { humanIatLmProbeSchema } from '../../src/probes/families/human-iat-lm/schema';
import { modelMeasureWords } from '../../src/probes/families/human-iat/modelMeasure';
import { buildParticipantResult } from '../../src/probes/families/human-iat/participantResult';
import { planIatSession } from '../../src/probes/families/human-iat/sessionPlan';
import { runProbes } from '../../src/probes/runProbes';
import { createFakeScorer } from '../core/lmRun/fakeScorer';

const probe = humanIatLmProbeSchema.parse({
  family: 'human-iat-lm',
  id: 'test-human-iat-lm',
  title: 'Human IAT beside an LM',
  targets: { X: { label: 'Xs', words: ['xa', 'xb', 'xa'] }, Y: { label: 'Ys', words: ['ya', 'yb'] } },
  attributes: { A: { label: 'As', words: ['pa', 'pb'] }, B: { label: 'Bs', words: ['na', 'nb'] } },
  templates: ['{target} likes {attribute}.'],
  design: { blockLengths: [4, 4, 6, 8, 4, 6, 8], firstPairing: 'XA', seed: 3 },
});
// +0.1 when target and attribute are congruent (X with A, Y with B): s(x) = +0.1, s(y) = −0.1.
const bonus = (prefix: string, cont: string) => ((prefix.startsWith('x') && cont.startsWith('p')) || (prefix.startsWith('y') && cont.startsWith('n')) ? 0.1 : 0);
const options = { ...DEFAULT_LM_RUN_OPTIONS, bootstrap: 0, seed: 1 };

describe('human IAT beside a language model', () => {
  it('runs the likelihood IAT on the words: d = √3 and exact p = 1/6, worked by hand', async () => {
    const [r] = (await runProbes([probe], { scorer: createFakeScorer({ bonus }), options })) as unknown as HumanIatLmResult[];
    expect(r!.kind).toBe('human-iat-lm');
    expect(r!.items.map((i) => i.association)).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.1, 12), expect.closeTo(-0.1, 12), expect.closeTo(-0.1, 12)]);
    // d = 0.2 / sample SD(.1, .1, −.1, −.1) = 0.2/√(0.04/3) = √3; C(4, 2) = 6 re-partitions, one reaches S = 0.4.
    expect(r!.effectSize).toBeCloseTo(Math.sqrt(3), 12);
    expect(r!).toMatchObject({ pMethod: 'exact', permutations: 6 });
    expect(r!.pValue).toBeCloseTo(1 / 6, 12);
    // The model drops the repeated "xa"; the participant sorts every word as written.
    expect(r!.words.X).toEqual(['xa', 'xb']);
    expect(r!.stimuli.X.words).toEqual(['xa', 'xb', 'xa']);
    expect(r!.design).toEqual({ blockLengths: [4, 4, 6, 8, 4, 6, 8], firstPairing: 'XA', seed: 3 });
    expect(anyResultSchema.safeParse(JSON.parse(JSON.stringify(r))).success).toBe(true);

    const summary = familyOf('human-iat-lm').summarize(r as never);
    expect(summary.reading).toMatch(/^The language model \(likelihood IAT on the words of this IAT\): The model finds as attributes more likely after Xs than after Ys, a large effect/);
    const rows = familyOf('human-iat-lm').csv.summaryRows(r as never, { runId: 'run-1', modelId: 'fake', seed: 1 });
    expect(rows.find((row) => row.metric === 'effect_size')).toMatchObject({ kind: 'human-iat-lm', probe_id: 'test-human-iat-lm', value: Math.sqrt(3) });
  });

  it("gives the participant's result the language model's d under its own measure", async () => {
    const [r] = (await runProbes([probe], { scorer: createFakeScorer({ bonus }), options })) as unknown as HumanIatLmResult[];
    const side = participantSideOf(r!);
    const plan = planIatSession({ X: side.stimuli.X.words, Y: side.stimuli.Y.words, A: side.stimuli.A.words, B: side.stimuli.B.words }, side.design, 'p-1');
    const result = buildParticipantResult(plan, side, [], new Date(0));
    expect(result.model).toEqual({ measure: 'lm-iat', effectSize: r!.effectSize, pValue: r!.pValue });
    expect(result.firstPairing).toBe('XA');
    const words = modelMeasureWords(result.model.measure);
    expect(words.axisLabel).toBe('The language model’s d');
    expect(words.ends(result.labels)).toEqual(['bs likelier after xs', 'as likelier after xs']);
    // Results kept before the language-model side existed carry no measure: they are WEAT.
    expect(modelMeasureWords(undefined).axisLabel).toBe('The model’s WEAT d');
  });

  it('refuses a frame with the attribute before the target, as the likelihood IAT does', () => {
    const bad = humanIatLmProbeSchema.safeParse({ ...probe, templates: ['{attribute} for {target}.'] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/must put \{target\} before \{attribute\}/);
  });
});
