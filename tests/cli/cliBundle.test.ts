// The CLI's bundle (bin/cliBundle.mjs) is rebuilt whenever a file that went into it changes, so it
// cannot drift from src: a bundle built into a scratch folder is fresh, and stops being fresh when
// the inputs on its first line no longer match an input's mtime or size, or name a file that is gone.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle, bundleInputs, bundleIsFresh } from '../../bin/cliBundle.mjs';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
const bundlePath = join(dir, 'bias-workbench.mjs');
let bundle = '';

beforeAll(async () => {
  await buildCliBundle(dir);
  bundle = readFileSync(bundlePath, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Inputs = Record<string, [number, number]>;
/** Rewrite the bundle's list of inputs with one change, check freshness, restore it. */
function freshAfter(change: (inputs: Inputs) => void): boolean {
  const inputs = bundleInputs(dir)!;
  change(inputs);
  const newline = bundle.indexOf('\n');
  const prefix = bundle.slice(0, bundle.indexOf('{'));
  writeFileSync(bundlePath, `${prefix}${JSON.stringify(inputs)}${bundle.slice(newline)}`);
  try {
    return bundleIsFresh(dir);
  } finally {
    writeFileSync(bundlePath, bundle);
  }
}

describe('CLI bundle', () => {
  const mainTs = join(root, 'src', 'cli', 'main.ts');
  const sample = join(root, 'src', 'core', 'errors.ts');

  it('lists the CLI source and what it imports among its inputs, with their mtime and size', () => {
    const inputs = bundleInputs(dir)!;
    const st = statSync(sample);
    expect(inputs[mainTs]).toBeDefined();
    expect(inputs[sample]).toEqual([st.mtimeMs, st.size]);
    expect(bundleIsFresh(dir)).toBe(true);
  });

  it('is stale when an input is newer, older or of another size than when it was built', () => {
    expect(freshAfter(() => {})).toBe(true); // the rewrite alone changes nothing
    expect(freshAfter((s) => (s[sample]![0] -= 1000))).toBe(false);
    expect(freshAfter((s) => (s[sample]![0] += 1000))).toBe(false);
    expect(freshAfter((s) => (s[sample]![1] += 1))).toBe(false);
  });

  it('is stale when an input is gone, or without a stamp', () => {
    expect(freshAfter((s) => (s[join(root, 'src', 'no-such-file.ts')] = [0, 0]))).toBe(false);
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
