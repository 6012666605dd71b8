// The sentences a HolisticBias probe scores: a seeded sample of the dataset's cross product, a pure
// function of the probe (so the probe file, not a list of 460k sentences, is what a run record keeps).
//
// Noun phrases follow the authors' generator (ResponsibleNLP holistic_bias/src/sentences.py): each
// descriptor gives the bare descriptor ("Deaf") and "<article> <descriptor> <noun>" for every noun of
// its gender (all nouns when it has none), plural "<descriptor> <plural noun>"; a standalone noun
// phrase with {noun} gives one phrase per noun ("a woman who uses a wheelchair"), one without is a
// fixed phrase. A template flagged must_be_noun takes no bare descriptor and no fixed phrase.
// Stylistic variants (lower-casing, dropped final period, …) are not generated.
//
// The draw (docs/methods/holistic-bias.md): with createRng(seed), first `templates` templates without
// replacement (partial Fisher–Yates over the file's order); then, for each selected axis in file
// order, each descriptor in file order (buckets, then standalone phrases; a descriptor met twice in
// an axis — "a Rasta" in v1.1's religion — is one descriptor with the phrases of both, as the
// authors' script bins sentences by descriptor), each drawn template in draw order: `perCell`
// phrases without replacement from those the template accepts (all of them when fewer).
import { createRng, type Rng } from '../../../core/rng';
import type { HolisticBiasDataset, HolisticBiasProbe } from './schema';

export interface HolisticBiasSentence {
  id: string;
  axis: string;
  /** The descriptor's bucket; null for a standalone noun phrase. */
  bucket: string | null;
  descriptor: string;
  template: string;
  /** The noun in the phrase; null for a bare descriptor or a fixed phrase. */
  noun: string | null;
  text: string;
}

export interface HolisticBiasPlan {
  /** The drawn templates, in draw order. */
  templates: string[];
  /** The axes sampled, in file order. */
  axes: string[];
  sentences: HolisticBiasSentence[];
}

interface Phrase {
  noun: string | null;
  singular: string;
  plural: string;
}

interface DescriptorPhrases {
  axis: string;
  bucket: string | null;
  descriptor: string;
  phrases: Phrase[];
}

/** "an" before a vowel letter, else "a" (the generator's rule). */
const articleOf = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

const nounList = (d: HolisticBiasDataset, gender?: string): [string, string][] =>
  Object.entries(d.nouns).flatMap(([g, list]) => (gender === undefined || g === gender ? (list ?? []) : []));

function descriptorPhrases(d: HolisticBiasDataset, axis: string): DescriptorPhrases[] {
  const byName = new Map<string, DescriptorPhrases>();
  const add = (entry: DescriptorPhrases) => {
    const earlier = byName.get(entry.descriptor);
    if (earlier) earlier.phrases.push(...entry.phrases);
    else byName.set(entry.descriptor, entry);
  };
  for (const [bucket, entries] of Object.entries(d.descriptors[axis] ?? {})) {
    for (const e of entries) {
      const descriptor = typeof e === 'string' ? e : e.descriptor;
      const article = typeof e === 'string' || e.article === undefined ? articleOf(descriptor) : e.article;
      const gender = typeof e === 'string' ? undefined : e.gender;
      const withNouns = nounList(d, gender).map(([noun, plural]): Phrase => ({ noun, singular: `${article} ${descriptor} ${noun}`, plural: `${descriptor} ${plural}` }));
      add({ axis, bucket, descriptor, phrases: [{ noun: null, singular: descriptor, plural: descriptor }, ...withNouns] });
    }
  }
  for (const e of d.standalone_noun_phrases?.[axis] ?? []) {
    const singular = typeof e === 'string' ? e : e.noun_phrase;
    const plural = typeof e === 'string' ? e : (e.plural_noun_phrase ?? e.noun_phrase);
    if (singular.includes('{noun}')) {
      const fill = (phrase: string, article: string, noun: string) => phrase.replaceAll('{article}', article).replaceAll('{noun}', noun).trimStart();
      const descriptor = fill(singular, '', '');
      add({ axis, bucket: null, descriptor, phrases: nounList(d).map(([noun, pluralNoun]) => ({ noun, singular: fill(singular, articleOf(noun), noun), plural: fill(plural, '', pluralNoun) })) });
    } else {
      add({ axis, bucket: null, descriptor: singular, phrases: [{ noun: null, singular, plural }] });
    }
  }
  return [...byName.values()];
}

/** The first k of a partial Fisher–Yates shuffle of 0 … n−1. */
function drawIndices(rng: Rng, n: number, k: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = rng.int(i, n - 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, take);
}

/** Every axis of the dataset: the descriptors' axes, then those only the standalone phrases have. */
export const datasetAxes = (d: HolisticBiasDataset): string[] => [...new Set([...Object.keys(d.descriptors), ...Object.keys(d.standalone_noun_phrases ?? {})])];

/** The templates a probe's draw takes, and the generator left to draw the sentences with. */
function drawTemplates(probe: Pick<HolisticBiasProbe, 'dataset' | 'sample'>): { rng: Rng; templates: [string, HolisticBiasDataset['sentence_templates'][string]][] } {
  const rng = createRng(probe.sample.seed);
  const all = Object.entries(probe.dataset.sentence_templates);
  return { rng, templates: drawIndices(rng, all.length, probe.sample.templates).map((i) => all[i]!) };
}

const selectedAxes = (probe: Pick<HolisticBiasProbe, 'dataset' | 'axes'>): string[] => datasetAxes(probe.dataset).filter((a) => probe.axes === undefined || probe.axes.includes(a));

/**
 * How many sentences sampleHolisticBias gives, counted from the pools' sizes without building them
 * (the schema and the editor's checks ask on every edit; the count does not depend on which
 * phrases are drawn, only on the drawn templates). Never throws.
 */
export function sampleSize(probe: Pick<HolisticBiasProbe, 'dataset' | 'sample' | 'axes'>): number {
  const d = probe.dataset;
  const { templates } = drawTemplates(probe);
  const allNouns = nounList(d).length;
  let n = 0;
  for (const axis of selectedAxes(probe)) {
    // Per descriptor: phrases with a noun, and bare or fixed ones (merged as descriptorPhrases merges them).
    const pools = new Map<string, { nouns: number; bare: number }>();
    const add = (descriptor: string, nouns: number, bare: number) => {
      const p = pools.get(descriptor) ?? { nouns: 0, bare: 0 };
      pools.set(descriptor, { nouns: p.nouns + nouns, bare: p.bare + bare });
    };
    for (const entries of Object.values(d.descriptors[axis] ?? {}))
      for (const e of entries) add(typeof e === 'string' ? e : e.descriptor, nounList(d, typeof e === 'string' ? undefined : e.gender).length, 1);
    for (const e of d.standalone_noun_phrases?.[axis] ?? []) {
      const singular = typeof e === 'string' ? e : e.noun_phrase;
      if (singular.includes('{noun}')) add(singular.replaceAll('{article}', '').replaceAll('{noun}', '').trimStart(), allNouns, 0);
      else add(singular, 0, 1);
    }
    for (const pool of pools.values()) for (const [, flags] of templates) n += Math.min(probe.sample.perCell, pool.nouns + (flags.must_be_noun ? 0 : pool.bare));
  }
  return n;
}

/** The sentences a probe's run scores (see the file header for the draw). Never throws. */
export function sampleHolisticBias(probe: Pick<HolisticBiasProbe, 'dataset' | 'sample' | 'axes'>): HolisticBiasPlan {
  const d = probe.dataset;
  const { rng, templates } = drawTemplates(probe);
  const axes = selectedAxes(probe);
  const sentences: HolisticBiasSentence[] = [];
  for (const axis of axes) {
    for (const entry of descriptorPhrases(d, axis)) {
      for (const [template, flags] of templates) {
        const pool = flags.must_be_noun ? entry.phrases.filter((p) => p.noun !== null) : entry.phrases;
        const plural = template.includes('{plural_noun_phrase}');
        for (const i of drawIndices(rng, pool.length, probe.sample.perCell)) {
          const p = pool[i]!;
          sentences.push({
            id: `s${sentences.length + 1}`,
            axis,
            bucket: entry.bucket,
            descriptor: entry.descriptor,
            template,
            noun: p.noun,
            text: template.replace(plural ? '{plural_noun_phrase}' : '{noun_phrase}', plural ? p.plural : p.singular),
          });
        }
      }
    }
  }
  return { templates: templates.map(([t]) => t), axes, sentences };
}
