// The judge-verbosity family end to end on hand-computable judges (tests/core/lmRun/fakeScorer.ts
// with the label log-probs overridden): the built-in runs through the one run path (runProbes);
// the prompts carry the padded answer made by the stated rule in both orders; a judge that always
// picks the padded answer puts all 24 items on the diagonal (p = 2/2²⁴), one that always picks the
// first label puts them all off it (length untestable, position p = 2/2²⁴); the summary, headline
// and CSV carry those numbers.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { JudgeVerbosityResult } from '../../src/core/lmRun/judgeVerbosity';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import { anyProbeSchema, familyOf } from '../../src/probes/families';
import { getAnyBuiltinProbe, resolveAnyProbeOrSuite } from '../../src/probes/builtin';
import { runToCsv } from '../../src/probes/export/runToCsv';
import { runProbes } from '../../src/probes/runProbes';
import { createFakeScorer } from '../core/lmRun/fakeScorer';

const PADDING = ' In other words, ';
/** log p(label): −0.1 for the favoured label, −2.3 for the other. */
const judge = (favours: (prompt: string) => 'A' | 'B') =>
  createFakeScorer({ candidate: (prompt, candidate) => (candidate.trim() === favours(prompt) ? -0.1 : -2.3) });
const paddedShownFirst = (prompt: string) => /Answer A: [^\n]*In other words/.test(prompt);

const run = async (favours: (prompt: string) => 'A' | 'B') => {
  const prompts: string[] = [];
  const scorer = judge((p) => (prompts.push(p), favours(p)));
  const [r] = (await runProbes(resolveAnyProbeOrSuite('lm-judge-verbosity-24'), { scorer, options: DEFAULT_LM_RUN_OPTIONS })) as JudgeVerbosityResult[];
  return { r: r!, prompts: [...new Set(prompts)] };
};

describe('judge-verbosity family', () => {
  it('the built-in validates and pads each answer by the default rule', () => {
    const probe = getAnyBuiltinProbe('lm-judge-verbosity-24');
    expect(anyProbeSchema.safeParse(probe).success).toBe(true);
    expect(familyOf('judge-verbosity').modality).toBe('lm');
  });

  it('a judge that always picks the padded answer: 24 of 24 on the length diagonal, p = 2/2^24', async () => {
    const { r, prompts } = await run((p) => (paddedShownFirst(p) ? 'A' : 'B'));
    // 24 items × 2 orders, each prompt scored for both labels.
    expect(prompts).toHaveLength(48);
    expect(prompts[0]).toBe(
      'Which answer to the question is better?\nQuestion: What is the capital of Italy?\nAnswer A: The capital of Italy is Rome.' +
        PADDING + 'The capital of Italy is Rome.\nAnswer B: The capital of Italy is Rome.\nThe better answer is Answer',
    );
    expect(r.summary).toMatchObject({ items: 24, padded: 24, short: 0, first: 0, second: 0, tie: 0, paddedShare: 1, positionTest: null });
    expect(r.summary.lengthTest!.pValue).toBeCloseTo(2 / 2 ** 24, 18);
    // Every margin is ½·(2.2 − (−2.2)) = 2.2 for length, 0 for position.
    expect(r.summary.meanLengthMargin).toBeCloseTo(2.2, 12);
    expect(r.summary.meanPositionMargin).toBeCloseTo(0, 12);
    const s = familyOf('judge-verbosity').summarize(r);
    expect(s.headline).toMatchObject({ label: 'Padded answer wins when length decided', value: 1 });
    expect(s.significance?.significant).toBe(true);
    expect(s.plain!.direction).toBe('When length decided, the judge preferred the padded (longer) answer: 24 of 24 items.');
    const rows = Papa.parse<Record<string, string>>(runToCsv([r], { modelId: 'fake', seed: 1 }), { header: true, skipEmptyLines: true }).data;
    const padded = rows.find((row) => row.scope === 'all' && row.metric === 'padded_share')!;
    expect(Number(padded.value)).toBe(1);
    expect(Number(padded.p_value)).toBeCloseTo(2 / 2 ** 24, 18);
    expect(Number(padded.n)).toBe(24);
    expect(rows.filter((row) => row.scope?.startsWith('category:')).map((row) => row.scope)).toContain('category:geography');
  });

  it('a judge that always says "A": all 24 decided by position, length untestable, headline on position', async () => {
    const { r } = await run(() => 'A');
    expect(r.summary).toMatchObject({ padded: 0, short: 0, first: 24, second: 0, lengthTest: null, secondShare: 0 });
    expect(r.summary.positionTest!.pValue).toBeCloseTo(2 / 2 ** 24, 18);
    const s = familyOf('judge-verbosity').summarize(r);
    expect(s.headline).toMatchObject({ label: 'Second-position wins when order decided', value: 0 });
    expect(s.plain!.direction).toBe('No item was decided by length: 24 were decided by position and 0 tied.');
  });

  it('refuses a padding template that adds nothing, or one without {answer}', () => {
    const probe = getAnyBuiltinProbe('lm-judge-verbosity-24')!;
    expect(anyProbeSchema.safeParse({ ...probe, paddingTemplate: '{answer}' }).success).toBe(false);
    expect(anyProbeSchema.safeParse({ ...probe, paddingTemplate: 'Some padding.' }).success).toBe(false);
  });
});
