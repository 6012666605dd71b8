// From probe + embedder to AssociationInput: OOV reporting, case fallback, duplicates, SEAT.
import { describe, expect, it } from 'vitest';
import { buildAssociationInput, runAssociationTest, type AssociationProbeDefinition, type Embedder } from '../../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../../src/core/association/types';
import { meanPoolSentence, tokenizeSentence } from '../../../src/core/embeddings/meanPoolSentence';
import { ProbeValidationError } from '../../../src/core/errors';

/** A tiny lower-case vocabulary: vectors are one-hot-ish, so means are easy to check. */
const vocabulary = new Map<string, Float32Array>();
const words = ['rose', 'tulip', 'ant', 'wasp', 'love', 'peace', 'hate', 'war', 'this', 'is', 'a', 'here', '.', 'the', "'s", 'amy', 'name', 'person', 'Paris'];
words.forEach((w, i) => vocabulary.set(w, Float32Array.from({ length: words.length }, (_, j) => (j === i ? 1 : 0.1))));
const calls: string[][] = [];
const embedder: Embedder = {
  async embedWords(list) {
    calls.push(list);
    return list.map((w) => vocabulary.get(w) ?? null);
  },
};

const weat: AssociationProbeDefinition = {
  id: 'flowers',
  title: 'Flowers',
  family: 'weat',
  targets: { X: { label: 'Flowers', words: ['rose', 'Tulip', 'orchidzz', 'rose'] }, Y: { label: 'Insects', words: ['ant', 'wasp'] } },
  attributes: { A: { label: 'Pleasant', words: ['love', 'peace'] }, B: { label: 'Unpleasant', words: ['hate', 'war', 'PARIS'] } },
};

describe('buildAssociationInput: WEAT', () => {
  it('looks words up as given, then lower-cased; keeps probe spelling and order; reports OOV and duplicates', async () => {
    const input = await buildAssociationInput(weat, embedder);
    expect(input).toMatchObject({ probeId: 'flowers', title: 'Flowers', kind: 'weat' });
    expect(input.sets.X.items).toEqual(['rose', 'Tulip']);
    expect(input.sets.X.vectors[1]).toBe(vocabulary.get('tulip'));
    expect(input.sets.X.oov).toEqual(['orchidzz']);
    expect(input.sets.X.duplicates).toEqual(['rose']);
    // "PARIS": neither "PARIS" nor "paris" is in the vocabulary ("Paris" is, but we do not title-case).
    expect(input.sets.B.oov).toEqual(['PARIS']);
    expect(input.sets.A.label).toBe('Pleasant');
  });
});

describe('stimuli the model cannot tell apart count once', () => {
  // An uncased table: "Physics" falls back to "physics" (same vector). A cased table that holds both
  // spellings with different vectors keeps both.
  const uncased: Embedder = { embedWords: async (list) => list.map((w) => vocabulary.get(w) ?? null) };
  const casedVocabulary = new Map([...vocabulary, ['Rose', Float32Array.from({ length: words.length }, (_, j) => (j === 0 ? 0.5 : 0.2))]]);
  const cased: Embedder = { embedWords: async (list) => list.map((w) => casedVocabulary.get(w) ?? null) };
  const probe: AssociationProbeDefinition = { ...weat, targets: { X: { label: 'Flowers', words: ['rose', ' Rose', 'ROSE ', 'tulip', 'Tulip'] }, Y: weat.targets.Y } };
  it('WEAT on an uncased table: case and surrounding whitespace variants are duplicates, the first kept', async () => {
    const input = await buildAssociationInput(probe, uncased);
    expect(input.sets.X.items).toEqual(['rose', 'tulip']);
    expect(input.sets.X.duplicates).toEqual(['Rose', 'ROSE', 'Tulip']);
    const r = runAssociationTest(input, { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 0 });
    expect(r.sizes.X).toBe(2);
  });
  it('WEAT on a cased table that tells "Rose" from "rose": both kept, "ROSE" (lower-cased to "rose") merged', async () => {
    const input = await buildAssociationInput(probe, cased);
    expect(input.sets.X.items).toEqual(['rose', 'Rose', 'tulip']);
    expect(input.sets.X.duplicates).toEqual(['ROSE', 'Tulip']);
  });
  it('SEAT on word vectors: a term differing only in case is a duplicate with all its sentences', async () => {
    const seat: AssociationProbeDefinition = { ...probe, id: 'seat-case', family: 'seat', templates: ['This is a {term}.'] };
    const input = await buildAssociationInput(seat, uncased);
    expect(input.sets.X.items).toEqual(['This is a rose.', 'This is a tulip.']);
    expect(input.sets.X.duplicates).toEqual(['Rose', 'ROSE', 'Tulip']);
  });
});

describe('SEAT tokenisation and mean pooling', () => {
  it('tokenises PTB-style, lower-case', () => {
    expect(tokenizeSentence('This is a rose.')).toEqual(['this', 'is', 'a', 'rose', '.']);
    expect(tokenizeSentence("The person's name is Amy.")).toEqual(['the', 'person', "'s", 'name', 'is', 'amy', '.']);
    expect(tokenizeSentence('It isn’t well-known!')).toEqual(['it', 'is', "n't", 'well-known', '!']);
    expect(tokenizeSentence("Here is Paris's DON'T.", { preserveCase: true })).toEqual(['Here', 'is', 'Paris', "'s", 'DO', "N'T", '.']);
  });
  it('averages the in-vocabulary token vectors and lists the missing ones', () => {
    const pooled = meanPoolSentence('This is a zebra.', (t) => vocabulary.get(t));
    expect(pooled.missing).toEqual(['zebra']);
    const expected = ['this', 'is', 'a', '.'].map((t) => vocabulary.get(t)!);
    for (let i = 0; i < expected[0]!.length; i++) {
      expect(pooled.vector![i]).toBeCloseTo(expected.reduce((acc, v) => acc + v[i]!, 0) / 4, 6);
    }
    expect(meanPoolSentence('zebra okapi', (t) => vocabulary.get(t)).vector).toBeNull();
  });
});

describe('buildAssociationInput: SEAT with word vectors', () => {
  const seat: AssociationProbeDefinition = { ...weat, id: 'flowers-seat', family: 'seat', templates: ['This is a {term}.', 'Here is a {term}.', 'This is a {term}.'] };
  it('fills templates, drops OOV terms with all their sentences, pools sentence vectors', async () => {
    const input = await buildAssociationInput(seat, embedder);
    expect(input.kind).toBe('seat');
    expect(input.sets.X.items).toEqual(['This is a rose.', 'Here is a rose.', 'This is a Tulip.', 'Here is a Tulip.']);
    expect(input.sets.X.oov).toEqual(['orchidzz']);
    // the repeated template yields repeated sentences, reported as duplicates
    expect(input.sets.X.duplicates).toEqual(['rose', 'This is a rose.', 'This is a Tulip.']);
    const expected = meanPoolSentence('Here is a rose.', (t) => vocabulary.get(t)).vector!;
    expect(Array.from(input.sets.X.vectors[1]!)).toEqual(Array.from(expected));
  });
  it('keeps case for cased vocabularies and falls back to lower case per token', async () => {
    const cased: AssociationProbeDefinition = { ...seat, targets: { ...seat.targets, X: { label: 'Places', words: ['Paris', 'rose'] } }, templates: ['Here is {term}.'] };
    const input = await buildAssociationInput(cased, embedder);
    expect(input.sets.X.items).toEqual(['Here is Paris.', 'Here is rose.']);
    const expected = meanPoolSentence('here is Paris .', (t) => vocabulary.get(t), { preserveCase: true }).vector!;
    expect(Array.from(input.sets.X.vectors[0]!)).toEqual(Array.from(expected));
  });
  it('runs end to end: items are the sentences, OOV terms are reported', async () => {
    const input = await buildAssociationInput(seat, embedder);
    const result = runAssociationTest(input, { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 100 });
    expect(result.kind).toBe('seat');
    expect(result.items.filter((i) => i.set === 'X').map((i) => i.word)).toEqual(input.sets.X.items);
    expect(result.oov.X).toEqual(['orchidzz']);
    expect(result.oov.B).toEqual(['PARIS']);
    expect(result.sizes).toEqual({ X: 4, Y: 4, A: 4, B: 4 });
    expect(result.pMethod).toBe('exact');
  });
  it('uses per-set templates where given and the default elsewhere (May et al. 2019 frames differ by set)', async () => {
    const perSet: AssociationProbeDefinition = { ...seat, templates: ['This is a {term}.'], setTemplates: { A: ['Here is {term}.'], B: ['This is {term}.', 'Here is {term}.'] } };
    const input = await buildAssociationInput(perSet, embedder);
    expect(input.sets.X.items).toEqual(['This is a rose.', 'This is a Tulip.']);
    expect(input.sets.Y.items).toEqual(['This is a ant.', 'This is a wasp.']);
    expect(input.sets.A.items).toEqual(['Here is love.', 'Here is peace.']);
    expect(input.sets.B.items).toEqual(['This is hate.', 'Here is hate.', 'This is war.', 'Here is war.']);
    await expect(buildAssociationInput({ ...perSet, templates: [], setTemplates: { A: ['Here is {term}.'] } }, embedder)).rejects.toThrow(/no templates for set X/);
  });
  it('rejects a SEAT probe without templates', async () => {
    await expect(buildAssociationInput({ ...seat, templates: [] }, embedder)).rejects.toThrow(ProbeValidationError);
  });
  it('uses embedSentences only for sentence encoders', async () => {
    const encoder: Embedder = {
      kind: 'sentence-encoder',
      embedWords: async (list) => list.map(() => new Float32Array(3).fill(1)),
      embedSentences: async (list) => list.map((s) => (s.includes('wasp') ? null : Float32Array.from([s.length, 1, 2]))),
    };
    const input = await buildAssociationInput({ ...seat, templates: ['A {term}.'] }, encoder);
    expect(input.sets.X.items).toEqual(['A rose.', 'A Tulip.', 'A orchidzz.']);
    expect(input.sets.Y.oov).toEqual(['wasp']);
    expect(input.sets.X.vectors[0]).toEqual(Float32Array.from([7, 1, 2]));
  });
});
