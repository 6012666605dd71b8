// Runs the previous version kept in IndexedDB (tests/fixtures/previous-version/history.json, format
// bias-workbench-run@1, captured from that version's built app) in this version's history: they are
// exported in the current format with every number as stored, and the file the previous version
// exported from such a run, opened here, is recognised as the run already in the history (not
// stored a second time under a new id).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUN_RECORD_FORMAT } from '../../src/core/runRecord';
import { parseRunRecord } from '../../src/probes/runRecordSchema';
import { listRuns, saveRun, setDb, WorkbenchDb } from '../../src/state/db';
import { storeImportedRun } from '../../src/state/importRun';
import { runModality, toRunRecord, type StoredRun } from '../../src/state/runRecord';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'previous-version', 'history.json');
const history = JSON.parse(readFileSync(fixture, 'utf8')) as { runs: (StoredRun & { format: string })[] };

describe('the previous version’s stored runs', () => {
  setDb(new WorkbenchDb(`test-previous-${Math.random()}`));
  afterAll(() => setDb(null));

  it('are @1 word-vector and LM runs (what the fixture holds)', () => {
    expect(history.runs.map((r) => [r.format, r.probeId, runModality(r)])).toEqual([
      ['bias-workbench-run@1', 'caliskan-weat', 'vectors'],
      ['bias-workbench-run@1', 'lm-causal', 'lm'],
    ]);
  });

  it('export in the current format with every result as stored, and validate', () => {
    for (const run of history.runs) {
      const exported = toRunRecord(run);
      expect(exported.format).toBe(RUN_RECORD_FORMAT);
      expect(exported).not.toHaveProperty('modality');
      expect(exported).not.toHaveProperty('probeId');
      const parsed = parseRunRecord(JSON.parse(JSON.stringify(exported)));
      expect(JSON.parse(JSON.stringify(parsed.results))).toEqual(run.results);
      expect(parsed.seed).toBe(7);
    }
  });

  it('the file the previous version exported is the run already kept: opened, not stored again', async () => {
    for (const run of history.runs) await saveRun(run);
    for (const run of history.runs) {
      const { probeId: _p, title: _t, modality: _m, ...oldExport } = run;
      const { stored, outcome } = await storeImportedRun(parseRunRecord(JSON.parse(JSON.stringify(oldExport))));
      expect(outcome).toBe('already-in-history');
      expect(stored.runId).toBe(run.runId);
    }
    expect((await listRuns()).length).toBe(2);
  });
});
