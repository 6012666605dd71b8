// The built-in registry: every entry validates, and the Caliskan et al. (2017) stimuli are exactly
// the paper's. Expected lists: tests/fixtures/probes/caliskan-2017-weat-lists.txt, whose header
// records how they were cross-checked (cbn items.R, sent-bias tests/weat*.txt, WEFE WEAT.json).
// Sizes per test are Table 1's N_T×2 / N_A×2 of the paper.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PROBES,
  BUILTIN_SUITES,
  allBuiltinStimulusWords,
  getBuiltinProbe,
  listBuiltinProbes,
  resolveProbeOrSuite,
  stimulusTokens,
  validateBuiltins,
  type BuiltinProbeId,
} from '../../src/probes/builtin';
import { ProbeValidationError } from '../../src/core/errors';
import { lintProbe, parseProbe } from '../../src/probes/validate';
import { probeSchema, seatSentencesForSet, templatesForSet, type SeatProbe } from '../../src/probes/schema';

const fixture = readFileSync(new URL('../fixtures/probes/caliskan-2017-weat-lists.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [n, X, Y, A, B] = l.split('|') as [string, string, string, string, string];
    return { n: Number(n), X: X.split(' '), Y: Y.split(' '), A: A.split(' '), B: B.split(' ') };
  });

const words = (id: BuiltinProbeId) => {
  const p = BUILTIN_PROBES[id];
  return { X: p.targets.X.words, Y: p.targets.Y.words, A: p.attributes.A.words, B: p.attributes.B.words };
};

describe('built-in registry', () => {
  it('has caliskan-weat-1..10, caliskan-seat-1..10 and the two subtler-biases WEATs, all schema-valid and lint-clean', () => {
    const ids = Object.keys(BUILTIN_PROBES);
    expect(ids).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `caliskan-weat-${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `caliskan-seat-${i + 1}`),
      'subtler-weat-beauty',
      'subtler-weat-nationality',
    ]);
    expect(() => validateBuiltins()).not.toThrow();
    for (const [id, probe] of Object.entries(BUILTIN_PROBES)) {
      expect(probeSchema.safeParse(probe).success, id).toBe(true);
      expect(parseProbe(structuredClone(probe)).id).toBe(id);
      expect(lintProbe(probe as never).filter((i) => i.severity === 'error'), id).toEqual([]);
    }
  });

  it('WEAT stimuli equal the cross-checked paper lists, word by word and in order', () => {
    expect(fixture).toHaveLength(10);
    for (const f of fixture) {
      const w = words(`caliskan-weat-${f.n}` as BuiltinProbeId);
      expect({ X: [...w.X], Y: [...w.Y], A: [...w.A], B: [...w.B] }, `WEAT ${f.n}`).toEqual({ X: f.X, Y: f.Y, A: f.A, B: f.B });
    }
  });

  it('list sizes per test are Table 1 of the paper', () => {
    const sizes = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => {
        const w = words(`caliskan-weat-${i + 1}` as BuiltinProbeId);
        return [i + 1, [w.X.length, w.Y.length, w.A.length, w.B.length]];
      }),
    );
    expect(sizes).toEqual({
      1: [25, 25, 25, 25],
      2: [25, 25, 25, 25],
      3: [32, 32, 25, 25],
      4: [16, 16, 25, 25],
      5: [16, 16, 8, 8],
      6: [8, 8, 8, 8],
      7: [8, 8, 8, 8],
      8: [8, 8, 8, 8],
      9: [6, 6, 7, 7],
      10: [8, 8, 8, 8],
    });
  });

  it('encodes the details where public copies disagree', () => {
    // WEAT 8 attributes are kinship terms, not WEAT 7's.
    expect([...words('caliskan-weat-8').A]).toEqual(['brother', 'father', 'uncle', 'grandfather', 'son', 'he', 'his', 'him']);
    expect([...words('caliskan-weat-8').B]).toEqual(['sister', 'mother', 'aunt', 'grandmother', 'daughter', 'she', 'hers', 'her']);
    expect([...words('caliskan-weat-7').A]).toEqual(['male', 'man', 'boy', 'brother', 'he', 'him', 'his', 'son']);
    // WEAT 3/4 unpleasant: bomb and evil instead of agony and prison.
    for (const id of ['caliskan-weat-3', 'caliskan-weat-4'] as const) {
      expect(words(id).B).toContain('bomb');
      expect(words(id).B).toContain('evil');
      expect(words(id).B).not.toContain('agony');
      expect(words(id).B).not.toContain('prison');
    }
    expect(words('caliskan-weat-1').B).toContain('agony');
    expect(words('caliskan-weat-1').B).not.toContain('bomb');
    // Pleasant is the same 25 words in WEAT 1-4.
    expect(words('caliskan-weat-3').A).toEqual(words('caliskan-weat-1').A);
    // Names deleted in the paper are absent.
    expect(words('caliskan-weat-3').X).not.toContain('Sara');
    expect(words('caliskan-weat-3').X).not.toContain('Amber');
    for (const id of ['caliskan-weat-4', 'caliskan-weat-5'] as const) {
      for (const n of ['Jay', 'Kristen']) expect(words(id).X).not.toContain(n);
      for (const n of ['Tremayne', 'Latonya']) expect(words(id).Y).not.toContain(n);
    }
    // WEAT 5 short attribute lists.
    expect([...words('caliskan-weat-5').A]).toEqual(['joy', 'love', 'peace', 'wonderful', 'pleasure', 'friend', 'laughter', 'happy']);
    expect([...words('caliskan-weat-5').B]).toEqual(['agony', 'terrible', 'horrible', 'nasty', 'evil', 'war', 'awful', 'failure']);
    expect(words('caliskan-weat-9').A).toContain('short-term');
    expect(words('caliskan-weat-10').X).toContain('Billy');
  });

  it('titles, citations and descriptions carry the paper and its published d', () => {
    const d = [1.5, 1.53, 1.41, 1.5, 1.28, 1.81, 1.06, 1.24, 1.38, 1.21];
    for (let n = 1; n <= 10; n++) {
      const p = BUILTIN_PROBES[`caliskan-weat-${n}` as BuiltinProbeId];
      expect(p.family).toBe('weat');
      expect(p.title.startsWith(`WEAT ${n}: `)).toBe(true);
      expect(p.citation?.url).toBe('https://doi.org/10.1126/science.aal4230');
      expect(p.description).toContain(`d = ${d[n - 1]!.toFixed(2)} on GloVe 840B`);
      const s = BUILTIN_PROBES[`caliskan-seat-${n}` as BuiltinProbeId];
      expect(s.family).toBe('seat');
      expect(s.title).toBe(p.title.replace('WEAT', 'SEAT'));
    }
    expect(BUILTIN_PROBES['caliskan-weat-1'].title).toBe('WEAT 1: Flowers vs insects × pleasant vs unpleasant');
  });

  it('SEAT versions use the WEAT stimuli with per-set templates (names vs nouns vs others)', () => {
    for (let n = 1; n <= 10; n++) {
      expect(words(`caliskan-seat-${n}` as BuiltinProbeId)).toEqual(words(`caliskan-weat-${n}` as BuiltinProbeId));
    }
    const seat3 = BUILTIN_PROBES['caliskan-seat-3'] as SeatProbe;
    expect(templatesForSet(seat3, 'X')).toContain('{term} is a person.');
    expect(templatesForSet(seat3, 'A')).not.toContain('{term} is a person.');
    const seat1 = BUILTIN_PROBES['caliskan-seat-1'] as SeatProbe;
    expect(templatesForSet(seat1, 'X')).toContain('This is the {term}.');
    const sentences = seatSentencesForSet(seat1, 'X');
    expect(sentences).toHaveLength(25 * templatesForSet(seat1, 'X').length);
    expect(sentences[0]).toEqual({ word: 'aster', sentence: 'This is the aster.' });
    const seat6 = BUILTIN_PROBES['caliskan-seat-6'] as SeatProbe;
    expect(seatSentencesForSet(seat6, 'Y').map((s) => s.sentence)).toContain("The person's name is Donna.");
  });

  it('registry is frozen; getBuiltinProbe returns an editable copy', () => {
    expect(Object.isFrozen(BUILTIN_PROBES)).toBe(true);
    expect(Object.isFrozen(BUILTIN_PROBES['caliskan-weat-1'].targets.X.words)).toBe(true);
    const copy = getBuiltinProbe('caliskan-weat-1');
    copy.targets.X.words.push('dandelion');
    expect(BUILTIN_PROBES['caliskan-weat-1'].targets.X.words).toHaveLength(25);
    expect(getBuiltinProbe('nope')).toBeUndefined();
  });

  it('resolves suites and single probes; unknown ids throw a clear error', () => {
    expect(resolveProbeOrSuite('caliskan-weat').map((p) => p.id)).toEqual(BUILTIN_SUITES['caliskan-weat'].probeIds);
    expect(resolveProbeOrSuite('caliskan-seat')).toHaveLength(10);
    expect(resolveProbeOrSuite('caliskan-seat').every((p) => p.family === 'seat')).toBe(true);
    expect(resolveProbeOrSuite('caliskan-weat-8').map((p) => p.id)).toEqual(['caliskan-weat-8']);
    expect(() => resolveProbeOrSuite('caliskan-weat-11')).toThrow(ProbeValidationError);
    expect(() => resolveProbeOrSuite('caliskan-weat-11')).toThrow(/"caliskan-weat-11" is not a built-in probe or suite/);
  });

  it('lists id, family and title', () => {
    const list = listBuiltinProbes();
    expect(list).toHaveLength(22);
    expect(list[0]).toEqual({ id: 'caliskan-weat-1', family: 'weat', title: 'WEAT 1: Flowers vs insects × pleasant vs unpleasant' });
  });

  it('allBuiltinStimulusWords has every stimulus and template word, lower-case, unique, sorted', () => {
    const all = allBuiltinStimulusWords();
    expect(all).toEqual([...new Set(all)].sort());
    expect(all.every((w) => w === w.toLowerCase())).toBe(true);
    for (const w of ['aster', 'weevil', 'adam', 'yvette', 'einstein', 'nasa', 'short-term', 'short', 'billy', 'grandmother', 'hers']) {
      expect(all).toContain(w);
    }
    // template words
    for (const w of ['this', 'is', 'the', 'person', "'s", 'name', 'here', 'there', 'a', 'they', 'are', '.']) expect(all).toContain(w);
    expect(all.some((w) => w.includes('{') || w.includes('}') || w.includes(' '))).toBe(false);
    for (const probe of Object.values(BUILTIN_PROBES)) {
      for (const s of [probe.targets.X, probe.targets.Y, probe.attributes.A, probe.attributes.B]) {
        for (const w of s.words) expect(all).toContain(w.toLowerCase());
      }
    }
  });

  it('stimulusTokens splits possessives and hyphens', () => {
    expect(stimulusTokens("The person's name is Tia.")).toEqual(['the', 'person', "'s", 'name', 'is', 'tia', '.']);
    expect(stimulusTokens('short-term')).toEqual(['short-term', 'short', 'term']);
  });
});
