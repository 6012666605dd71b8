// The editor drafts live in localStorage (zustand persist, store.ts), which every tab of the app
// shares. Two things can lose a draft there, and this file guards both:
//
// - A second tab. Each tab writes its whole state on every keystroke, so a tab that never saw the
//   other's edits would overwrite them. On the browser's `storage` event a tab whose draft was
//   in step with storage takes the other tab's newer draft (the tabs stay in sync, nothing is lost).
//   Before each write a tab also checks that the stored draft is still the one it last saw (events
//   can come late, or not at all for a frozen background tab), and writes nothing when its persisted
//   state has not changed (progress updates would otherwise rewrite the draft and could win a race
//   with the other tab's keystroke). A tab holding edits that storage never had keeps them on
//   screen, stops writing that editor's draft, and asks which draft to keep (DraftSyncBar). Its
//   writes of everything else go on.
// - A full quota. A write that throws QuotaExceededError (a huge paste or import) is caught and
//   reported with the size, instead of the draft silently ceasing to be saved.
//
// Storage that cannot be used at all (blocked by the browser) falls back to memory for the tab.
import type { StateStorage } from 'zustand/middleware';
import { create } from 'zustand';
import type { ProbeDraft } from './draft';
import type { LmDraft } from './store';

export type DraftEditor = 'association' | 'lm';

interface EditorCopy {
  draft: ProbeDraft | LmDraft;
  dirty: boolean;
}

export interface DraftSyncState {
  /** Per editor: the other tab's draft, while this tab holds different unsaved edits. */
  conflicts: Partial<Record<DraftEditor, EditorCopy>>;
  /** The last write that did not fit (characters written), or null. */
  quota: { chars: number } | null;
  /** Why drafts are kept in memory only, when storage cannot be used at all. */
  unavailable: string | null;
}

export const useDraftSync = create<DraftSyncState>(() => ({ conflicts: {}, quota: null, unavailable: null }));

const FIELDS: Record<DraftEditor, { draft: 'draft' | 'lmDraft'; dirty: 'draftDirty' | 'lmDraftDirty' }> = {
  association: { draft: 'draft', dirty: 'draftDirty' },
  lm: { draft: 'lmDraft', dirty: 'lmDraftDirty' },
};

type PersistedState = Record<string, unknown>;

const stateOf = (raw: string | null): PersistedState | null => {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as { state?: PersistedState };
    return v && typeof v.state === 'object' && v.state ? v.state : null;
  } catch {
    return null;
  }
};

const sameDraft = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const isQuotaError = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e as { code?: number }).code === 22);

const memoryStorage = (): StateStorage => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
};

/** localStorage, or memory where the browser refuses it (reading `localStorage` itself can throw). */
function baseStorage(): StateStorage {
  try {
    if (typeof localStorage === 'undefined') return memoryStorage();
    const probe = '__bias-workbench-probe__';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch (e) {
    if (isQuotaError(e)) return localStorage;
    useDraftSync.setState({ unavailable: `this browser does not allow local storage here (${e instanceof Error ? e.name : String(e)})` });
    return memoryStorage();
  }
}

/** What this tab last read or wrote: the raw stored value, and each editor's draft (as JSON) in it. */
const seen: { raw: string | null; drafts: Partial<Record<DraftEditor, string>> } = { raw: null, drafts: {} };

/** Set when the user answered a conflict: the next write goes out even if this tab's state is unchanged. */
let writeAgain = false;

/** Editors whose stored draft another tab changed while this one, unchanged, waits for the event to take it. */
const behind = new Set<DraftEditor>();

const noteSeen = (raw: string | null) => {
  seen.raw = raw;
  const state = stateOf(raw);
  for (const editor of ['association', 'lm'] as const) {
    const f = FIELDS[editor];
    if (state && f.draft in state) seen.drafts[editor] = JSON.stringify(state[f.draft]);
  }
};

/**
 * The persist middleware's storage: a write keeps the stored draft of an editor in conflict (and
 * opens a conflict when the stored draft changed since this tab last saw it), and quota errors
 * are reported instead of thrown.
 */
export function guardedDraftStorage(): StateStorage {
  const base = baseStorage();
  let lastValue: string | null = null;
  return {
    getItem: (name) => {
      const raw = base.getItem(name) as string | null;
      noteSeen(raw);
      return raw;
    },
    removeItem: (name) => base.removeItem(name),
    setItem: (name, value) => {
      // The store writes its persisted part on every change, progress included. Writing an
      // unchanged value would only race another tab's edit (the last write wins), so it is skipped.
      if (value === lastValue && !writeAgain) return;
      lastValue = value;
      writeAgain = false;
      let toWrite = value;
      const storedRaw = base.getItem(name) as string | null;
      const conflicts = { ...useDraftSync.getState().conflicts };
      const keptStored: DraftEditor[] = [];
      // The common case costs one string comparison: nobody else wrote since this tab did.
      if (storedRaw !== seen.raw || behind.size > 0 || Object.values(conflicts).some(Boolean)) {
        const stored = stateOf(storedRaw);
        const mine = JSON.parse(value) as { state: PersistedState };
        for (const editor of ['association', 'lm'] as const) {
          const f = FIELDS[editor];
          if (!stored || !(f.draft in stored)) continue;
          const storedDraft = JSON.stringify(stored[f.draft]);
          const myDraft = JSON.stringify(mine.state[f.draft]);
          const lastSeen = seen.drafts[editor];
          if (storedDraft === myDraft) behind.delete(editor);
          else if (!conflicts[editor] && lastSeen !== undefined && storedDraft !== lastSeen) {
            // Another tab wrote a draft this tab has not taken yet (its storage event is on the way,
            // or never comes to a frozen tab). Unchanged here since: keep theirs and wait for the
            // event. Changed here too: that is a conflict for the user.
            if (myDraft === lastSeen) behind.add(editor);
            else {
              conflicts[editor] = { draft: stored[f.draft] as EditorCopy['draft'], dirty: stored[f.dirty] === true };
              behind.delete(editor);
            }
          }
          if (conflicts[editor] || behind.has(editor)) {
            mine.state[f.draft] = stored[f.draft];
            mine.state[f.dirty] = stored[f.dirty];
            keptStored.push(editor);
          }
        }
        toWrite = JSON.stringify(mine);
        if (Object.keys(conflicts).length !== Object.keys(useDraftSync.getState().conflicts).length) useDraftSync.setState({ conflicts });
      }
      try {
        base.setItem(name, toWrite);
        // A draft kept from storage has not been seen by this tab's user yet.
        const keptSeen = keptStored.map((e) => [e, seen.drafts[e]] as const);
        noteSeen(toWrite);
        for (const [e, d] of keptSeen) if (d !== undefined) seen.drafts[e] = d;
        if (useDraftSync.getState().quota) useDraftSync.setState({ quota: null });
      } catch (e) {
        if (!isQuotaError(e)) throw e;
        useDraftSync.setState({ quota: { chars: toWrite.length } });
      }
    },
  };
}

/** What this tab should do when another tab wrote a draft: nothing, take it, or ask. */
export type StorageEventAction = 'same' | 'adopt' | 'conflict';

/**
 * @param ours this tab's draft now
 * @param before the stored draft before the other tab's write (null: none was stored)
 * @param theirs the draft the other tab wrote
 * @param oursDirty whether this tab's draft has unsaved edits
 */
export function storageEventAction(ours: unknown, before: unknown, theirs: unknown, oursDirty: boolean): StorageEventAction {
  if (sameDraft(ours, theirs)) return 'same';
  const inStep = before === undefined || before === null ? !oursDirty : sameDraft(ours, before);
  return inStep ? 'adopt' : 'conflict';
}

interface DraftStore {
  getState: () => PersistedState;
  setState: (partial: PersistedState) => void;
}

/**
 * Follow the other tabs' writes of `key` (the persist name). Returns a function that stops.
 * `store` is the workbench store (passed in, so this file does not import it).
 */
export function startDraftSync(key: string, store: DraftStore, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key !== key || e.newValue === null) return;
    const theirs = stateOf(e.newValue);
    if (!theirs) return;
    const before = stateOf(e.oldValue);
    const ours = store.getState();
    const conflicts = { ...useDraftSync.getState().conflicts };
    const adopt: PersistedState = {};
    for (const editor of ['association', 'lm'] as const) {
      const f = FIELDS[editor];
      if (!(f.draft in theirs)) continue;
      const copy: EditorCopy = { draft: theirs[f.draft] as EditorCopy['draft'], dirty: theirs[f.dirty] === true };
      const action = conflicts[editor] ? (sameDraft(ours[f.draft], copy.draft) ? 'same' : 'conflict') : storageEventAction(ours[f.draft], before?.[f.draft], copy.draft, ours[f.dirty] === true);
      // Whatever the answer, this tab is no longer waiting for this event: an editor left marked
      // as behind would keep writing the stored draft over the user's answer to a later conflict.
      behind.delete(editor);
      if (action === 'same') delete conflicts[editor];
      else if (action === 'adopt') Object.assign(adopt, { [f.draft]: copy.draft, [f.dirty]: copy.dirty });
      else conflicts[editor] = copy;
    }
    useDraftSync.setState({ conflicts });
    // What the other tab wrote is now seen; drafts in conflict are left for the user's answer.
    const seenDrafts = { ...seen.drafts };
    noteSeen(e.newValue);
    for (const editor of ['association', 'lm'] as const) if (conflicts[editor]) seen.drafts[editor] = seenDrafts[editor]!;
    if (Object.keys(adopt).length) store.setState(adopt);
  };
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (Object.values(useDraftSync.getState().conflicts).some(Boolean)) e.preventDefault();
  };
  target.addEventListener('storage', onStorage as EventListener);
  target.addEventListener('beforeunload', onBeforeUnload as EventListener);
  return () => {
    target.removeEventListener('storage', onStorage as EventListener);
    target.removeEventListener('beforeunload', onBeforeUnload as EventListener);
  };
}

/** The user's answer to a conflict: keep this tab's draft (stored again) or take the other tab's. */
export function resolveDraftConflict(editor: DraftEditor, keep: 'mine' | 'theirs', store: DraftStore): void {
  const copy = useDraftSync.getState().conflicts[editor];
  const conflicts = { ...useDraftSync.getState().conflicts };
  delete conflicts[editor];
  behind.delete(editor);
  useDraftSync.setState({ conflicts });
  // The other tab's draft has now been seen (and answered), so writing over it is no accident.
  if (copy) seen.drafts[editor] = JSON.stringify(copy.draft);
  const f = FIELDS[editor];
  if (keep === 'theirs' && copy) store.setState({ [f.draft]: copy.draft, [f.dirty]: copy.dirty });
  // Either way the store writes again, now with this editor's draft included.
  else {
    writeAgain = true;
    store.setState({ [f.draft]: store.getState()[f.draft] });
  }
}
