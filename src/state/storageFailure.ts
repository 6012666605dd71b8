// How a failure of IndexedDB is read: Dexie wraps the browser's DOMException (QuotaExceededError
// inside an AbortError, SecurityError inside a DatabaseClosedError…), so the names are looked up
// along the `inner` chain rather than on the outer error alone. The reasons are sentence fragments
// for the user: what happened and the usual cause, never a stack or Dexie's own wording.

interface NamedError {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
}

/** The error and the errors it wraps (Dexie's `inner`), outermost first. */
function chain(e: unknown): NamedError[] {
  const out: NamedError[] = [];
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && out.length < 5) {
    out.push(cur as NamedError);
    cur = (cur as NamedError).inner;
  }
  return out;
}

const names = (e: unknown) => chain(e).map((x) => (typeof x.name === 'string' ? x.name : ''));

/** The write failed because the browser's storage quota is used up. */
export const isQuotaExceeded = (e: unknown): boolean => names(e).includes('QuotaExceededError');

/** Why IndexedDB could not be opened (or used), for "History is off in this browser: …". */
export function unavailableReason(e: unknown): string {
  const all = names(e);
  if (all.includes('MissingAPIError')) return 'this browser offers no IndexedDB here (some private modes and managed browsers turn it off)';
  if (all.includes('SecurityError')) return 'the browser refused access to IndexedDB (private browsing, or a setting that blocks site data)';
  if (all.includes('InvalidStateError')) return 'IndexedDB is disabled in this browsing mode (private windows in some browsers)';
  if (all.includes('HistoryOpenTimeoutError')) return 'IndexedDB did not answer when the history was opened';
  if (all.includes('VersionError')) return 'the history database was written by a newer version of this app';
  const innermost = chain(e).at(-1);
  const detail = innermost && typeof innermost.message === 'string' && innermost.message ? `: ${innermost.message.split('\n')[0]}` : '';
  return `the history database could not be opened${detail}`;
}

/** Why a write failed when it was not for lack of space. */
export function writeFailureReason(e: unknown): string {
  const innermost = chain(e).at(-1);
  const name = innermost && typeof innermost.name === 'string' ? innermost.name : 'Error';
  return `the browser refused to save to IndexedDB (${name})`;
}
