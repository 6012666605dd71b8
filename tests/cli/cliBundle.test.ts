// The CLI's bundle (bin/cliBundle.mjs) is rebuilt whenever a file that went into it changes, so it
// cannot drift from src: a bundle built into a scratch folder is fresh, and stops being fresh when
// its stamp no longer matches an input's mtime or size, or names a file that is gone.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle, bundleIsFresh } from '../../bin/cliBundle.mjs';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
const stampPath = join(dir, 'inputs.json');
let stamp = '';

beforeAll(async () => {
  await buildCliBundle(dir);
  stamp = readFileSync(stampPath, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Stamp = { inputs: Record<string, [number, number]> };
/** Rewrite the stamp with one change, check freshness, restore it. */
function freshAfter(change: (s: Stamp) => void): boolean {
  const s = JSON.parse(stamp) as Stamp;
  change(s);
  writeFileSync(stampPath, JSON.stringify(s));
  try {
    return bundleIsFresh(dir);
  } finally {
    writeFileSync(stampPath, stamp);
  }
}

describe('CLI bundle', () => {
  const mainTs = join(root, 'src', 'cli', 'main.ts');
  const sample = join(root, 'src', 'core', 'errors.ts');

  it('lists the CLI source and what it imports among its inputs, with their mtime and size', () => {
    const { inputs } = JSON.parse(stamp) as Stamp;
    const st = statSync(sample);
    expect(inputs[mainTs]).toBeDefined();
    expect(inputs[sample]).toEqual([st.mtimeMs, st.size]);
    expect(bundleIsFresh(dir)).toBe(true);
  });

  it('is stale when an input is newer, older or of another size than when it was built', () => {
    expect(freshAfter((s) => (s.inputs[sample]![0] -= 1000))).toBe(false);
    expect(freshAfter((s) => (s.inputs[sample]![0] += 1000))).toBe(false);
    expect(freshAfter((s) => (s.inputs[sample]![1] += 1))).toBe(false);
  });

  it('is stale when an input is gone, or without a stamp', () => {
    expect(freshAfter((s) => (s.inputs[join(root, 'src', 'no-such-file.ts')] = [0, 0]))).toBe(false);
    expect(bundleIsFresh(join(dir, 'elsewhere'))).toBe(false);
  });

  it('runs: the bundled CLI lists exactly the families the source registers', async () => {
    const { FAMILY_IDS } = await import('../../src/probes/families');
    const { main } = (await import(pathToFileURL(join(dir, 'bias-workbench.mjs')).href)) as { main(argv: string[]): Promise<number> };
    const out = join(dir, 'probes.json');
    expect(await main(['probes', '--format', 'json', '--out', out])).toBe(0);
    const listed = JSON.parse(readFileSync(out, 'utf8')) as { families: { id: string }[] };
    expect(listed.families.map((f) => f.id)).toEqual([...FAMILY_IDS]);
  });
});
