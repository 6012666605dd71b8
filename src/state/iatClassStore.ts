// The class the instructor is collecting, for the class view: the admitted entries, kept in
// IndexedDB (db.ts, table iatClass) so a reload or a closed tab loses nothing, and the report of the
// last thing added (added, duplicates named, bad lines with their numbers). Everything stays in this
// browser; nothing here sends anything anywhere. Intake and admission are pure (iatClassIntake.ts,
// iatClassCollection.ts); this file only orders them and writes what was admitted.
import { create } from 'zustand';
import { deleteIatClassEntry, listIatClassEntries, saveIatClassEntry } from './db';
import { admitToClass, type IatAdmission } from './iatClassCollection';
import { intakeCodes, intakeFile, type IatClassEntry, type IatIntake } from './iatClassIntake';

export interface IatClassFile {
  name: string;
  size: number;
  text: () => Promise<string>;
}

interface IatClassState {
  /** Oldest first. */
  entries: IatClassEntry[];
  loaded: boolean;
  /** What the last addition did, for the report under the inputs. */
  lastAdmission: IatAdmission | null;
  load: () => Promise<void>;
  addCodes: (text: string) => Promise<IatAdmission>;
  addFiles: (files: readonly IatClassFile[]) => Promise<IatAdmission>;
  remove: (id: string) => Promise<void>;
  /** Start a new class: forget every entry. */
  clear: () => Promise<void>;
}

/** A class file over this is refused before it is read (a workbench result of 120 trials is about 20 kB). */
export const IAT_CLASS_FILE_LIMIT_BYTES = 16_000_000;

const oldestFirst = (entries: IatClassEntry[]) => [...entries].sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));

export const useIatClass = create<IatClassState>()((set, get) => {
  async function admit(intake: IatIntake): Promise<IatAdmission> {
    if (!get().loaded) await get().load();
    const admitted = admitToClass(get().entries, intake);
    // One millisecond apart, so the list keeps the order they were given in after a reload.
    const start = Date.now();
    const admission = { ...admitted, added: admitted.added.map((e, i) => ({ ...e, savedAt: new Date(start + i).toISOString() })) };
    for (const e of admission.added) await saveIatClassEntry(e);
    set({ entries: [...get().entries, ...admission.added], lastAdmission: admission });
    return admission;
  }
  return {
    entries: [],
    loaded: false,
    lastAdmission: null,
    load: async () => {
      const stored = await listIatClassEntries();
      set({ entries: oldestFirst(stored), loaded: true });
    },
    addCodes: (text) => admit(intakeCodes(text)),
    addFiles: async (files) => {
      const intake: IatIntake = { items: [], problems: [] };
      for (const f of files) {
        if (f.size > IAT_CLASS_FILE_LIMIT_BYTES) {
          intake.problems.push({ origin: f.name, message: `the file is ${(f.size / 1e6).toFixed(1)} MB; files added to a class may be at most ${IAT_CLASS_FILE_LIMIT_BYTES / 1e6} MB` });
          continue;
        }
        try {
          const one = intakeFile(f.name, await f.text());
          intake.items.push(...one.items);
          intake.problems.push(...one.problems);
        } catch (e) {
          intake.problems.push({ origin: f.name, message: e instanceof Error ? e.message : String(e) });
        }
      }
      return admit(intake);
    },
    remove: async (id) => {
      await deleteIatClassEntry(id);
      set({ entries: get().entries.filter((e) => e.id !== id) });
    },
    clear: async () => {
      for (const e of get().entries) await deleteIatClassEntry(e.id);
      set({ entries: [], lastAdmission: null });
    },
  };
});
