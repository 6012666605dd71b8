// Which numbers moved between two recordings of the reference runs (tests/fixtures/reference-runs):
// run it with the directory of the old recording and of the new one after a method change, and it
// lists, per result field, how many values changed and the largest absolute change, with the run
// and probe where it happened. It reads only the run records (JSON); the CSVs carry the same
// numbers. Field paths drop array indices (items.3.association → items[].association) so a field
// is counted across items.
//
//   npx tsx scripts/reference/compare-reference-runs.ts OLD_DIR [NEW_DIR=tests/fixtures/reference-runs]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Moved {
  changed: number;
  compared: number;
  maxAbs: number;
  where: string;
  from: number;
  to: number;
  added: number;
  removed: number;
}

const [oldDir, newDir = 'tests/fixtures/reference-runs'] = process.argv.slice(2);
if (!oldDir) {
  console.error('usage: compare-reference-runs OLD_DIR [NEW_DIR]');
  process.exit(2);
}
const index = JSON.parse(readFileSync(join(newDir, 'index.json'), 'utf8')) as { runs: { file: string }[] };

const leaves = (value: unknown, path: string, out: Map<string, unknown>): void => {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, value);
};
const fieldOf = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '[]');

const table = new Map<string, Moved>();
const entry = (field: string): Moved => {
  let m = table.get(field);
  if (!m) table.set(field, (m = { changed: 0, compared: 0, maxAbs: 0, where: '', from: NaN, to: NaN, added: 0, removed: 0 }));
  return m;
};

const added: string[] = [];
for (const run of index.runs) {
  const read = (dir: string) => JSON.parse(readFileSync(join(dir, `${run.file}.json`), 'utf8')) as { results: { probeId: string }[] };
  // A record the old folder lacks (a built-in added since) has nothing to compare with: listed at the end.
  if (!existsSync(join(oldDir, `${run.file}.json`))) {
    added.push(run.file);
    continue;
  }
  const before = read(oldDir);
  const after = read(newDir);
  after.results.forEach((res, i) => {
    const was = before.results.find((r) => r.probeId === res.probeId) ?? before.results[i];
    const a = new Map<string, unknown>();
    const b = new Map<string, unknown>();
    leaves(was, '', a);
    leaves(res, '', b);
    for (const [path, v] of b) {
      const m = entry(fieldOf(path));
      if (!a.has(path)) {
        m.added++;
        continue;
      }
      const u = a.get(path);
      if (typeof u !== 'number' || typeof v !== 'number') continue;
      m.compared++;
      const diff = Math.abs(v - u);
      if (diff > 1e-12 * Math.max(1, Math.abs(u))) {
        m.changed++;
        if (diff > m.maxAbs) Object.assign(m, { maxAbs: diff, where: `${run.file} ${res.probeId}`, from: u, to: v });
      }
    }
    for (const path of a.keys()) if (!b.has(path)) entry(fieldOf(path)).removed++;
  });
}

const rows = [...table.entries()].filter(([, m]) => m.changed || m.added || m.removed).sort((x, y) => y[1].maxAbs - x[1].maxAbs);
console.log('field\tchanged/compared\tmax |Δ|\tat\tfrom → to\tadded\tremoved');
for (const [field, m] of rows)
  console.log(`${field}\t${m.changed}/${m.compared}\t${m.maxAbs ? m.maxAbs.toPrecision(3) : ''}\t${m.where}\t${m.changed ? `${m.from.toPrecision(6)} → ${m.to.toPrecision(6)}` : ''}\t${m.added || ''}\t${m.removed || ''}`);
console.log(`${rows.length} fields differ; every other numeric field is unchanged to 1e-12.`);
if (added.length) console.log(`${added.length} records are new (no old record to compare): ${added.join(', ')}`);
