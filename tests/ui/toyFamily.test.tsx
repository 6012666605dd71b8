// A family is one module on the screens too: the toy family of tests/fixtures/toy-family, added to
// the probes registry and the UI registry with one line each, shows its headline, reading,
// significance and its own card body in the results view, its numbers and their difference in
// compare, and its own slide in class mode — and none of those screens names it. Rendered on the
// server (react-dom/static waits for the lazily loaded family views), so no DOM is needed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { describe, expect, it, vi } from 'vitest';
import { CompareRuns } from '../../src/ui/components/CompareRuns';
import { ResultsView } from '../../src/ui/components/ResultsView';
import ClassModePage from '../../src/ui/pages/ClassModePage';
import { useWorkbench } from '../../src/state/store';
import type { StoredRun } from '../../src/state/runRecord';
import type { VocabularyCoverageProbe, VocabularyCoverageResult } from '../fixtures/toy-family/vocabularyCoverage';

vi.mock('../../src/probes/families', async (importOriginal) => {
  const app = await importOriginal<typeof import('../../src/probes/families')>();
  const { vocabularyCoverage: toy } = await import('../fixtures/toy-family/vocabularyCoverage');
  const registry = app.createRegistry([...app.FAMILY_MODULES, toy]);
  return { ...app, PROBE_FAMILIES: registry.families, FAMILY_IDS: registry.ids, familyOf: registry.familyOf, anyProbeSchema: registry.probeSchema, anyResultSchema: registry.resultSchema };
});

vi.mock('../../src/ui/families', async (importOriginal) => {
  const app = await importOriginal<typeof import('../../src/ui/families')>();
  const { vocabularyCoverageView: toy } = await import('../fixtures/toy-family/ui');
  const registry = app.createViewRegistry({ ...app.FAMILY_VIEWS, 'vocabulary-coverage': toy });
  return { ...app, FAMILY_VIEWS: registry.views, viewsOfResult: registry.viewsOfResult, probeContentsOf: registry.probeContentsOf, preloadFamilyViews: registry.preloadFamilyViews };
});

const root = join(import.meta.dirname, '..', '..');

/**
 * Which run is open (and which slide): a server render reads a zustand store's initial state (the
 * server snapshot of useSyncExternalStore), not its current one, so the patch goes there.
 */
const openInWorkbench = (patch: Partial<ReturnType<typeof useWorkbench.getState>>) => Object.assign(useWorkbench.getInitialState(), patch);

/** A stored run of the toy probe over `words`, the first `known` of them known to the model. */
function toyRun(runId: string, words: string[], known: number, dtype: string): StoredRun {
  const probe: VocabularyCoverageProbe = { family: 'vocabulary-coverage', id: 'toy-coverage', title: 'Toy: does GloVe know these words?', words };
  const result: VocabularyCoverageResult = {
    kind: 'vocabulary-coverage',
    probeId: probe.id,
    title: probe.title,
    known,
    total: words.length,
    items: words.map((word, i) => ({ word, known: i < known })),
  };
  const options = { permutations: 1000, bootstrap: 200, confidenceLevel: 0.95, sd: 'sample', ciMethod: 'percentile', seed: 7, exactLimit: 1000, nullHistogramBins: 40 };
  const record = {
    format: 'bias-workbench-run@2',
    runId,
    app: { name: 'bias-probe-workbench', version: '0.1.0' },
    probes: [probe],
    model: { id: 'glove-6b-100d', title: 'GloVe 6B, 100 dimensions', assetSha256: null, dtype, backend: 'wasm' },
    seed: 7,
    options,
    startedAt: '2026-12-05T01:00:00.000Z',
    finishedAt: '2026-12-05T01:00:01.500Z',
    results: [result],
    probeId: probe.id,
    title: probe.title,
  };
  return record as unknown as StoredRun;
}

const runA = toyRun('run-20261205T010001Z-toyaaaaa', ['flower', 'insect', 'qwxzv', '-ism'], 2, 'int8');
const runB = toyRun('run-20261205T010001Z-toybbbbb', ['flower', 'insect', 'rose', 'ant', 'tulip', 'bee', 'moth', 'qwxzv'], 7, 'fp32');

/** The markup of `node` once every lazily loaded view has resolved, with the runs in the query cache. */
async function render(node: ReactNode): Promise<string> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const run of [runA, runB]) queryClient.setQueryData(['run', run.runId], run);
  const { prelude } = await prerender(<QueryClientProvider client={queryClient}>{node}</QueryClientProvider>);
  return new Response(prelude).text();
}

const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('a toy family registered with one line in each registry', () => {
  it('the results view shows its headline, reading, that it has no significance test, and its own card body', async () => {
    openInWorkbench({ currentRunId: runA.runId });
    const html = await render(<ResultsView />);
    expect(html).not.toContain('Loading the charts');
    const shown = text(html);
    expect(shown).toContain('Results: Toy: does GloVe know these words?');
    expect(shown).toContain('Vocabulary coverage');
    expect(html).toMatch(/<dt>Words known<\/dt><dd><output aria-label="Headline metric" data-value="0.5" class="big-number">50.0%<\/output>/);
    expect(shown).toContain('The model knows 2 of 4 words.');
    expect(shown).toContain('Confidence intervalnot applicable');
    expect(shown).toContain('SignificanceNo test: a descriptive number.');
    expect(shown).toContain('Toy body: known flower, insect; unknown qwxzv, -ism');
  });

  it('compare shows both runs’ headline numbers and their difference, columns named by what differs', async () => {
    const html = await render(<CompareRuns runs={[runA, runB]} />);
    const row = html.match(/<tr><th scope="row"><code>toy-coverage<\/code><\/th>.*?<\/tr>/)?.[0];
    expect(row).toBeDefined();
    // 2 of 4 known, then 7 of 8: 0.875 − 0.5
    expect(text(row!)).toBe('toy-coverageWords known50.0%87.5% Δ = 0.375');
    expect(text(html)).toContain('Run 1dtype int8');
    expect(text(html)).toContain('Run 2dtype fp32');
  });

  it('class mode shows its title, reading and its own slide', async () => {
    openInWorkbench({ currentRunId: runB.runId, classIndex: 0 });
    const html = await render(<ClassModePage />);
    expect(html).not.toContain('Loading the slide');
    const shown = text(html);
    expect(shown).toContain('Test 1 of 1');
    expect(shown).toContain('Toy: does GloVe know these words?');
    expect(shown).toContain('The model knows 7 of 8 words.');
    expect(shown).toContain('Toy slide: 7 of 8 words known (87.5%)');
  });

  it('none of the screens, pages, state nor the UI registry names the toy family', () => {
    const files = [
      ...['src/ui/components', 'src/ui/pages'].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.tsx')).map((f) => join(d, f))),
      ...readdirSync(join(root, 'src/state')).filter((f) => f.endsWith('.ts')).map((f) => join('src/state', f)),
      'src/ui/families/index.ts',
    ];
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => readFileSync(join(root, f), 'utf8').includes('vocabulary-coverage'))).toEqual([]);
  });
});
