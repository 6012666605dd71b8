// From probe definition + embedding model to AssociationInput. This is where stimuli become
// vectors, so it is also where every dropped stimulus is recorded: out-of-vocabulary words and
// repeated stimuli are listed per set, never silently lost.
//
// Conventions (documented for the methods section):
// - Repeated stimuli within a set: the first occurrence is kept, later ones are reported in
//   `duplicates`. Stimuli are trimmed first. Two stimuli that differ only in case are duplicates when
//   the model cannot tell them apart: the model gives them identical vectors (for SEAT on word
//   vectors: identical vectors for every token of the term). An uncased table (GloVe 6B, whose lookup
//   falls back to lower case) thus counts "physics" and "Physics" once; a cased table that holds both
//   keeps both. The embedder declares nothing about case, so its answers decide.
// - WEAT lookup: the word as given, then its lower-case form if the first is OOV (GloVe 6B is
//   uncased; a cased table is thus used as-is when it can). Items keep the spelling of the probe.
// - SEAT templates: `setTemplates[key]` when given, else `templates` (per-set frames as in May et al.
//   2019, where names, nouns and adjectives get different bleached sentences).
// - SEAT with word vectors: every template of the set is filled with every term ("{term}" replaced, all
//   occurrences); sentences are tokenised PTB-style keeping case, and each token is looked up as
//   given, then lower-cased (so uncased GloVe and cased tables both work); a term counts as
//   in-vocabulary only if every token of it is,
//   otherwise the term and all its sentences are dropped and the term is reported as OOV; the
//   sentence vector is the mean of its in-vocabulary token vectors (meanPoolSentence). Items are the
//   sentences, grouped by term in probe order, templates in template order.
// - SEAT with a sentence encoder (embedder.kind = 'sentence-encoder'): sentences are embedded by
//   embedSentences; a sentence it cannot embed (null) is dropped and reported; a term is OOV when
//   all of its sentences are.
import { InvalidVectorError, ProbeValidationError } from '../errors';
import type { Embedder } from '../embeddings/embedder';
import { meanPoolSentence, tokenizeSentence } from '../embeddings/meanPoolSentence';
import type { AssociationInput, EmbeddedSet, SetKey } from './types';

/** Structural twin of the probe schema's association probes (src/probes/schema.ts). */
export interface StimulusSetDefinition {
  label: string;
  words: readonly string[];
}
export interface AssociationProbeDefinition {
  id: string;
  title: string;
  family: 'weat' | 'seat';
  targets: { X: StimulusSetDefinition; Y: StimulusSetDefinition };
  attributes: { A: StimulusSetDefinition; B: StimulusSetDefinition };
  /** SEAT: the default templates for every set. */
  templates?: readonly string[];
  /** SEAT: templates that replace the default for one set (names vs nouns vs adjectives). */
  setTemplates?: Partial<Record<SetKey, readonly string[]>>;
}

const KEYS: readonly SetKey[] = ['X', 'Y', 'A', 'B'];

const definitionOf = (probe: AssociationProbeDefinition, key: SetKey): StimulusSetDefinition =>
  key === 'X' || key === 'Y' ? probe.targets[key] : probe.attributes[key];

/** Trim, then keep the first occurrence of each stimulus; later ones are returned as duplicates. Never throws. */
export function dedupeStimuli(words: readonly string[]): { unique: string[]; duplicates: string[] } {
  const seen = new Set<string>();
  const unique: string[] = [];
  const duplicates: string[] = [];
  for (const raw of words) {
    const word = raw.trim();
    if (seen.has(word)) duplicates.push(word);
    else {
      seen.add(word);
      unique.push(word);
    }
  }
  return { unique, duplicates };
}

/** Equal length and every vector present and equal element by element. */
const identicalVectors = (a: readonly (Float32Array | null)[], b: readonly (Float32Array | null)[]): boolean =>
  a.length === b.length && a.every((v, i) => v !== null && b[i] !== null && v.length === b[i]!.length && v.every((x, k) => x === b[i]![k]));

/**
 * Tracks the kept stimuli of one set by their case-folded form, so a later stimulus that differs only
 * in case and that the model embeds identically is recognised as a duplicate.
 */
class CaseDuplicateFilter {
  private readonly kept = new Map<string, (Float32Array | null)[][]>();
  /** True when an earlier kept stimulus has the same case-folded form and identical vectors; otherwise records this one. */
  isDuplicate(stimulus: string, vectors: readonly (Float32Array | null)[]): boolean {
    const folded = stimulus.toLowerCase();
    const earlier = this.kept.get(folded) ?? [];
    if (earlier.some((other) => identicalVectors(other, vectors))) return true;
    this.kept.set(folded, [...earlier, [...vectors]]);
    return false;
  }
}

async function embedChecked(embed: (items: string[]) => Promise<(Float32Array | null)[]>, items: string[]): Promise<(Float32Array | null)[]> {
  if (items.length === 0) return [];
  const vectors = await embed(items);
  if (vectors.length !== items.length) throw new InvalidVectorError(`the model returned ${vectors.length} vectors for ${items.length} stimuli`);
  return vectors;
}

/** Look words up as given, then lower-cased; one embedder call per pass. */
async function lookupWords(embedder: Embedder, words: readonly string[]): Promise<Map<string, Float32Array | null>> {
  const distinct = [...new Set(words)];
  const firstPass = await embedChecked((w) => embedder.embedWords(w), distinct);
  const found = new Map<string, Float32Array | null>(distinct.map((w, i) => [w, firstPass[i] ?? null]));
  const retry = distinct.filter((w) => found.get(w) === null && w.toLowerCase() !== w);
  const secondPass = await embedChecked((w) => embedder.embedWords(w), retry.map((w) => w.toLowerCase()));
  retry.forEach((w, i) => found.set(w, secondPass[i] ?? null));
  return found;
}

/**
 * Embed the four stimulus sets of an association probe of either kind: what the scoring worker calls
 * until it runs probes through src/probes/runProbes.ts, where the WEAT and SEAT family modules call
 * buildWeatInput / buildSeatInput themselves; delete it then.
 * @throws {ProbeValidationError} for a SEAT probe without templates or a template without {term}
 * @throws {InvalidVectorError} when the embedder returns the wrong number of vectors
 */
export function buildAssociationInput(probe: AssociationProbeDefinition, embedder: Embedder): Promise<AssociationInput> {
  return probe.family === 'weat' ? buildWeatInput(probe, embedder) : buildSeatInput(probe, embedder);
}

const dedupeSets = (probe: AssociationProbeDefinition) =>
  Object.fromEntries(KEYS.map((key) => [key, dedupeStimuli(definitionOf(probe, key).words)])) as Record<SetKey, ReturnType<typeof dedupeStimuli>>;

/** WEAT: each stimulus is a word, looked up as given, then lower-cased. @throws {InvalidVectorError} when the embedder returns the wrong number of vectors */
export async function buildWeatInput(probe: AssociationProbeDefinition, embedder: Embedder): Promise<AssociationInput> {
  return { probeId: probe.id, title: probe.title, kind: 'weat', sets: await embedWeatSets(probe, dedupeSets(probe), embedder) };
}

/**
 * SEAT: each stimulus is put in every template of its set (see the header for OOV and pooling rules).
 * @throws {ProbeValidationError} for a probe without templates or a template without {term}
 * @throws {InvalidVectorError} when the embedder returns the wrong number of vectors
 */
export async function buildSeatInput(probe: AssociationProbeDefinition, embedder: Embedder): Promise<AssociationInput> {
  return { probeId: probe.id, title: probe.title, kind: 'seat', sets: await embedSeatSets(probe, dedupeSets(probe), embedder) };
}

async function embedWeatSets(
  probe: AssociationProbeDefinition,
  deduped: Record<SetKey, { unique: string[]; duplicates: string[] }>,
  embedder: Embedder,
): Promise<Record<SetKey, EmbeddedSet>> {
  const lookup = await lookupWords(embedder, KEYS.flatMap((key) => deduped[key].unique));
  const build = (key: SetKey): EmbeddedSet => {
    const set: EmbeddedSet = { label: definitionOf(probe, key).label, items: [], vectors: [], oov: [], duplicates: [...deduped[key].duplicates] };
    const caseDuplicates = new CaseDuplicateFilter();
    for (const word of deduped[key].unique) {
      const vector = lookup.get(word) ?? null;
      if (vector && caseDuplicates.isDuplicate(word, [vector])) set.duplicates!.push(word);
      else if (vector) {
        set.items.push(word);
        set.vectors.push(vector);
      } else set.oov.push(word);
    }
    return set;
  };
  return { X: build('X'), Y: build('Y'), A: build('A'), B: build('B') };
}

/** Fill every template with a term: "{term}" replaced everywhere (May et al. 2019, SEAT). Never throws. */
export function fillTemplates(templates: readonly string[], term: string): string[] {
  return templates.map((template) => template.split('{term}').join(term));
}

async function embedSeatSets(
  probe: AssociationProbeDefinition,
  deduped: Record<SetKey, { unique: string[]; duplicates: string[] }>,
  embedder: Embedder,
): Promise<Record<SetKey, EmbeddedSet>> {
  const templatesOf = {} as Record<SetKey, readonly string[]>;
  for (const key of KEYS) {
    const templates = probe.setTemplates?.[key] ?? probe.templates ?? [];
    if (templates.length === 0) throw new ProbeValidationError(`SEAT probe "${probe.id}" has no templates for set ${key}`);
    const badTemplate = templates.find((t) => !t.includes('{term}'));
    if (badTemplate !== undefined) throw new ProbeValidationError(`SEAT probe "${probe.id}": template "${badTemplate}" does not contain {term}`);
    templatesOf[key] = templates;
  }

  if (embedder.kind === 'sentence-encoder' && embedder.embedSentences) {
    const encode = embedder.embedSentences.bind(embedder);
    const result = {} as Record<SetKey, EmbeddedSet>;
    for (const key of KEYS) {
      const set: EmbeddedSet = { label: definitionOf(probe, key).label, items: [], vectors: [], oov: [], duplicates: [...deduped[key].duplicates] };
      const seen = new Set<string>();
      for (const term of deduped[key].unique) {
        const sentences: string[] = [];
        for (const sentence of fillTemplates(templatesOf[key], term)) {
          if (seen.has(sentence)) set.duplicates!.push(sentence);
          else {
            seen.add(sentence);
            sentences.push(sentence);
          }
        }
        const vectors = await embedChecked(encode, sentences);
        if (vectors.every((v) => v === null)) {
          set.oov.push(term);
          continue;
        }
        sentences.forEach((sentence, i) => {
          const vector = vectors[i];
          if (vector) {
            set.items.push(sentence);
            set.vectors.push(vector);
          } else set.oov.push(sentence);
        });
      }
      result[key] = set;
    }
    return result;
  }

  // Word-vector model: one lookup for every token of every term and sentence.
  const sentencesOf = (key: SetKey, term: string) => fillTemplates(templatesOf[key], term);
  const tokenize = (text: string) => tokenizeSentence(text, { preserveCase: true });
  const allTokens = KEYS.flatMap((key) => deduped[key].unique.flatMap((term) => [...tokenize(term), ...sentencesOf(key, term).flatMap(tokenize)]));
  const vocabulary = await lookupWords(embedder, allTokens);
  const lookup = (token: string) => vocabulary.get(token) ?? null;
  const build = (key: SetKey): EmbeddedSet => {
    const set: EmbeddedSet = { label: definitionOf(probe, key).label, items: [], vectors: [], oov: [], duplicates: [...deduped[key].duplicates] };
    const seen = new Set<string>();
    const caseDuplicates = new CaseDuplicateFilter();
    for (const term of deduped[key].unique) {
      const termTokens = tokenize(term);
      if (termTokens.length === 0 || termTokens.some((token) => lookup(token) === null)) {
        set.oov.push(term);
        continue;
      }
      if (caseDuplicates.isDuplicate(term, termTokens.map(lookup))) {
        set.duplicates!.push(term);
        continue;
      }
      for (const sentence of sentencesOf(key, term)) {
        if (seen.has(sentence)) {
          set.duplicates!.push(sentence);
          continue;
        }
        seen.add(sentence);
        const pooled = meanPoolSentence(sentence, lookup, { preserveCase: true });
        if (pooled.vector) {
          set.items.push(sentence);
          set.vectors.push(pooled.vector);
        } else set.oov.push(sentence);
      }
    }
    return set;
  };
  return { X: build('X'), Y: build('Y'), A: build('A'), B: build('B') };
}
