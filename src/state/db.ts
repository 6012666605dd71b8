// IndexedDB through Dexie: every finished run and every saved probe. A run is written the moment
// it finishes, so closing the tab afterwards loses nothing; a run in flight is not stored (it can
// be re-run from the same seed). Tables are keyed by id; `finishedAt`/`savedAt` are indexed for
// newest-first lists.
import Dexie, { type Table } from 'dexie';
import type { AnyProbe } from '../probes/lmSchema';
import type { AnyStoredRun } from './runRecord';

export interface SavedProbe {
  id: string;
  probe: AnyProbe;
  savedAt: string;
}

export class WorkbenchDb extends Dexie {
  runs!: Table<AnyStoredRun, string>;
  probes!: Table<SavedProbe, string>;
  constructor(name = 'bias-workbench') {
    super(name);
    this.version(1).stores({ runs: 'runId, finishedAt, probeId', probes: 'id, savedAt' });
  }
}

let instance: WorkbenchDb | null = null;
export const db = (): WorkbenchDb => (instance ??= new WorkbenchDb());
/** For tests: use a separate database (e.g. on fake-indexeddb). */
export const setDb = (d: WorkbenchDb | null) => {
  instance = d;
};

export const saveRun = (r: AnyStoredRun) => db().runs.put(r);
export const getRun = (id: string) => db().runs.get(id);
export const listRuns = () => db().runs.orderBy('finishedAt').reverse().toArray();
export const deleteRun = (id: string) => db().runs.delete(id);

export const saveProbe = (probe: AnyProbe) => db().probes.put({ id: probe.id, probe, savedAt: new Date().toISOString() });
export const listProbes = () => db().probes.orderBy('savedAt').reverse().toArray();
export const deleteProbe = (id: string) => db().probes.delete(id);
