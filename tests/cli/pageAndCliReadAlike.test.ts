// The same probe file gives the same probe and the same numbers in the page and the CLI. The CLI is
// run as a user runs it (a child process on the file); the page's path is the import worker's code
// on the same bytes (createImportApi), then the editor's draft (draftFromProbe → validateDraft:
// what the Run button runs), then runProbes on the same GloVe asset in this process. The file holds
// the stimulus "lily, daisy": before one grammar, the editor split it in two (two in-vocabulary
// words) while the CLI kept it whole (out of vocabulary, dropped), and d differed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationResult } from '../../src/core/association/types';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { runProbes } from '../../src/probes/runProbes';
import type { AssociationProbe } from '../../src/probes/schema';
import { loadEmbeddedModel } from '../../src/runtime/node';
import type { WordEmbeddingModel } from '../../src/runtime/types';
import { draftFromProbe } from '../../src/state/draft';
import { validateDraft } from '../../src/state/validation';
import { createImportApi } from '../../src/worker/importApi';

const root = join(import.meta.dirname, '..', '..');

/** WEAT 1 with "lily" and "daisy" written on one line of X, as a user pasting a comma list might. */
const probeFile = (): string => {
  const p = structuredClone(getBuiltinProbe('caliskan-weat-1')) as AssociationProbe;
  p.id = 'flowers-comma';
  p.targets.X.words = [...p.targets.X.words.filter((w) => w !== 'lily' && w !== 'daisy'), 'lily, daisy'];
  return `${JSON.stringify(p, null, 2)}\n`;
};

describe('one probe file, page and CLI', () => {
  let model: WordEmbeddingModel;
  beforeAll(async () => {
    model = await loadEmbeddedModel('glove-6b-100d');
  });
  afterAll(async () => model?.dispose());

  it('gives the same probe and the same d, p and items', async () => {
    const text = probeFile();
    const file = join(mkdtempSync(join(tmpdir(), 'bpw-same-')), 'flowers-comma.json');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), 'run', file, '--model', 'glove-6b-100d', '--seed', '1', '--bootstrap', '0'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const record = JSON.parse(r.stdout) as { probes: AssociationProbe[]; options: typeof DEFAULT_ASSOCIATION_OPTIONS; results: AssociationResult[] };

    const imported = await createImportApi().importInput('association-probe', { name: 'flowers-comma.json', file: new Blob([text]) }, Comlink.proxy(() => undefined));
    expect(imported.kind).toBe('probe');
    if (imported.kind !== 'probe') return;
    const page = validateDraft(draftFromProbe(imported.probe, { kind: 'import', id: imported.probe.id }));
    expect(page.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(page.probe).toEqual(record.probes[0]);
    expect(page.probe!.targets.X.words).toContain('lily, daisy');

    const options = { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 1, bootstrap: 0 };
    expect(record.options).toEqual(options);
    const [pageResult] = (await runProbes([page.probe!], { embedder: model, options })) as AssociationResult[];
    const [cliResult] = record.results;
    expect(cliResult!.oov.X).toContain('lily, daisy');
    expect(pageResult!.oov).toEqual(cliResult!.oov);
    expect(Math.abs(pageResult!.effectSize - cliResult!.effectSize)).toBeLessThan(1e-12);
    expect(pageResult!.pValue).toBe(cliResult!.pValue);
    expect(pageResult!.items).toEqual(cliResult!.items);
    console.info(`same file: d = ${cliResult!.effectSize} (CLI), ${pageResult!.effectSize} (page)`);

    // What the editor's old comma split made of the same file: "lily" and "daisy" back in X.
    const split = structuredClone(page.probe!);
    split.targets.X.words = split.targets.X.words.flatMap((w) => w.split(',').map((s) => s.trim()));
    const [splitResult] = (await runProbes([split], { embedder: model, options })) as AssociationResult[];
    console.info(`the old comma split of the same file: d = ${splitResult!.effectSize}`);
    expect(Math.abs(splitResult!.effectSize - cliResult!.effectSize)).toBeGreaterThan(1e-3);
  });
});
