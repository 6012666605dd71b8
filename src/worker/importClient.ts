// The page's door to the import worker. Each import gets its own worker, terminated when the import
// ends: cancelling is terminating (the parser stops mid-file, no cooperative flag), and the file's
// text and parse state go with it. Input over its kind's limit is refused here from `file.size`,
// before a worker starts or a byte is read (the worker checks again). Large LM drafts are checked
// by one long-lived worker instead, latest request first in line, and repeated requests for the
// same text share one answer (the editor and the run panel both ask).
import * as Comlink from 'comlink';
import { CancelledError } from '../core/errors';
import { checkImportSize, type ImportKind } from '../probes/import/limits';
import type { ImportProgress, ImportResults, ImportSource, ImportWorkerApi, LmDraftValidation } from './importProtocol';
import { registerErrorTransfer } from './modelProtocol';

export type { ImportKind, ImportProgress, ImportResults, ImportSource, LmDraftValidation };

registerErrorTransfer(Comlink);

const spawn = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });

/**
 * Read and parse one import in a fresh worker. Aborting `signal` terminates the worker at once and
 * rejects with CancelledError.
 * @throws InputTooLargeError (before reading), ParseError, ProbeValidationError, CancelledError
 */
export function importInWorker<K extends ImportKind>(kind: K, source: ImportSource, onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<ImportResults[K]> {
  if (signal?.aborted) return Promise.reject(new CancelledError('The import was cancelled.'));
  try {
    checkImportSize(kind, 'file' in source ? source.file.size : source.text.length, source.name);
  } catch (e) {
    return Promise.reject(e as Error);
  }
  const worker = spawn();
  const api = Comlink.wrap<ImportWorkerApi>(worker);
  return new Promise<ImportResults[K]>((resolve, reject) => {
    const onAbort = () => {
      worker.terminate();
      reject(new CancelledError('The import was cancelled.'));
    };
    const onError = (e: ErrorEvent) => {
      e.preventDefault?.();
      worker.terminate();
      reject(new Error(`The import worker stopped unexpectedly${e.message ? ` (${e.message})` : ''}. If you are offline, reload the page once online so the app can cache it.`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', onError);
    (api.importInput(kind, source, Comlink.proxy(onProgress)) as Promise<ImportResults[K]>)
      .then(resolve, reject)
      .finally(() => {
        signal?.removeEventListener('abort', onAbort);
        worker.removeEventListener('error', onError);
        worker.terminate();
      });
  });
}

let validator: Comlink.Remote<ImportWorkerApi> | null = null;
let lastCheck: { text: string; result: Promise<LmDraftValidation> } | null = null;

/** Validate LM probe JSON in the long-lived checking worker (for drafts too large to check on the page). */
export function validateLmDraftInWorker(text: string): Promise<LmDraftValidation> {
  if (lastCheck && lastCheck.text === text) return lastCheck.result;
  validator ??= Comlink.wrap<ImportWorkerApi>(spawn());
  const result = validator.validateLmDraft(text);
  lastCheck = { text, result };
  return result;
}
