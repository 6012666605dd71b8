// The LM probe editor's validation and files: JSON syntax errors with line/column, schema errors with
// their path (an unknown template slot), word-vector probes pointed to the other editor, CrowS-Pairs
// CSV import with skipped rows listed, share links round-trip and reject tampering; headlines.
import { describe, expect, it } from 'vitest';
import { getLmBuiltinProbe } from '../../src/probes/builtin';
import { lmBuiltinsByFamily, lmProbeFromCrowsCsv, lmProbeText, validateLmDraft } from '../../src/state/lmDraft';
import type { AnyResult } from '../../src/probes/families';
import { familyOf } from '../../src/probes/families';

// the headline and reading as the screens get them: from the result's family summary
const lmHeadline = (r: AnyResult) => familyOf(r.kind).headline(r);
const lmReading = (r: AnyResult) => familyOf(r.kind).summarize(r).reading;
import { lmShareUrlFor, readLmShareFragment } from '../../src/state/share';

describe('validateLmDraft', () => {
  it('accepts every LM built-in as printed by the editor', () => {
    for (const g of lmBuiltinsByFamily()) for (const p of g.probes) expect(validateLmDraft(lmProbeText(p)).probe?.id).toBe(p.id);
  });
  it('names the line and column of a JSON syntax error', () => {
    const v = validateLmDraft('{\n  "family": "counterfactual-pairs",\n  "id": oops\n}');
    expect(v.probe).toBeNull();
    expect(v.issues[0]!.message).toMatch(/Not valid JSON at line 3/);
  });
  it('reports an unknown template slot with its path', () => {
    const p = getLmBuiltinProbe('lm-counterfactual-occupations')! as Record<string, unknown>;
    const v = validateLmDraft(JSON.stringify({ ...p, template: 'The {group} worked as a {job} in {city}.' }));
    expect(v.probe).toBeNull();
    expect(v.issues.some((i) => i.level === 'error' && /city/.test(i.message))).toBe(true);
  });
  it('sends WEAT/SEAT probes to the form editor', () => {
    const v = validateLmDraft(JSON.stringify({ family: 'weat', id: 'w', title: 'w', targets: { X: { label: 'x', words: ['a', 'b'] }, Y: { label: 'y', words: ['c', 'd'] } }, attributes: { A: { label: 'a', words: ['e', 'f'] }, B: { label: 'b', words: ['g', 'h'] } } }));
    expect(v.probe).toBeNull();
    expect(v.issues.at(-1)!.message).toMatch(/word-vector test/);
  });
});

describe('CrowS-Pairs import and share links', () => {
  it('imports good rows and lists bad ones with line numbers', () => {
    const r = lmProbeFromCrowsCsv('sent_more,sent_less,stereo_antistereo,bias_type\n"He is strong.","She is strong.",stereo,gender\n"x",y\n"A ok.","B ok.",antistereo,age\n', 'my crows.csv');
    expect(r.probe.id).toBe('my-crows');
    expect(r.probe.family === 'counterfactual-pairs' && r.probe.pairs.length).toBe(2);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatch(/line 3/);
  });
  it('round-trips an LM probe through a share link and rejects a tampered one', () => {
    const p = getLmBuiltinProbe('lm-pairwise-position-30')!;
    const url = lmShareUrlFor(p, 'http://x/app/#old');
    const hash = url.slice(url.indexOf('#'));
    const back = readLmShareFragment(hash);
    expect(back.kind === 'ok' && back.probe.id).toBe(p.id);
    expect(readLmShareFragment(hash.slice(0, -3) + '000').kind).toBe('error');
    expect(readLmShareFragment('#probe=abc').kind).toBe('none');
  });
});

describe('lmHeadline', () => {
  it('picks the family headline with its CI and p', () => {
    // The interval beside p is the sign-flip test's (testCi); the pair bootstrap (ci) is not printed there.
    const h = lmHeadline({
      kind: 'counterfactual-pairs',
      summary: { n: 24, meanDelta: -0.8053, ci: { low: -3.79, high: 2.35, level: 0.95 }, testCi: { low: -4.1, high: 2.6, level: 0.95, sides: 'two-sided', method: 'sign-flip-inversion', nullValue: 0 }, signFlip: { pValue: 0.62087 } },
    } as never);
    expect(h.shown).toBe('-0.805');
    expect(h.text).toBe('Mean Δ log-prob = -0.805, 95% CI [-4.10, 2.60], sign-flip p = 0.6209');
    expect(lmHeadline({ kind: 'mcq-position', contentChangeRate: 0.25 } as never).shown).toBe('25.0%');
  });

  it('prompt families: the count of readable answers, and in place of the number when none parsed', () => {
    const decision = (parsed: number, consistent: number) =>
      ({
        kind: 'llm-decision-prompt',
        chatTemplate: false,
        summary: { parsed, consistent, unparsed: 8 - parsed, proportion: parsed ? consistent / parsed : Number.NaN, pValue: parsed ? 0.289 : null },
        items: Array.from({ length: 8 }, (_, i) => ({ id: `s-${i}` })),
      }) as never;
    const some = lmHeadline(decision(5, 4));
    expect(some.answers).toBe('5 of 8 answers parsed');
    expect(some.noResult).toBeUndefined();
    expect(some.text).toBe('Stereotype-consistent choices = 80.0%, binomial p = 0.2890 (5 of 8 answers parsed)');
    const none = lmHeadline(decision(0, 0));
    const sentence = 'None of the 8 answers could be read: the model did not answer in the requested format — use an instruction model';
    expect([none.noResult, none.text]).toEqual([sentence, sentence]);
    expect(lmReading(decision(0, 0))).toBe('No statistic can be computed without a readable answer. Prompts went as raw text (no chat template: the model has none, or the probe asked for raw text).');
  });
});
