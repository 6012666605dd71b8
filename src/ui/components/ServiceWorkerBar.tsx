// What the service worker needs the user to know: a one-time reload that turns on multi-threading
// on hosts that cannot send the isolation headers (said before it happens, with "Not now"), the
// app being saved for offline use on the first visit, and a new version waiting to be used (a
// floating prompt, since it can arrive while the user is scrolled deep into a result).
import { applyUpdate, cancelIsolationReload, dismissUpdate, useServiceWorkerState } from '../../state/serviceWorker';

export function ServiceWorkerBar() {
  const sw = useServiceWorkerState();
  if (sw.kind === 'isolating') {
    return (
      <div className="notice notice-info sw-bar" role="status" aria-label="Multi-threading">
        <p>
          <strong>
            Reloading in <span aria-hidden="true">{sw.secondsLeft} s</span>
            <span className="sr-only">a few seconds</span> to enable multi-threading:
          </strong> this host cannot send the headers that let models use several cores, so
          the app’s offline worker adds them, which takes effect after one reload.
        </p>
        <div className="row">
          <button type="button" className="small" onClick={() => location.reload()}>
            Reload now
          </button>
          <button type="button" className="small secondary" onClick={cancelIsolationReload}>
            Not now
          </button>
        </div>
      </div>
    );
  }
  if (sw.kind === 'update') {
    return (
      <div className="notice notice-info sw-bar sw-update" role="status" aria-label="Update">
        <p>
          <strong>A new version of the workbench is ready.</strong> It was downloaded in the background; reloading switches to it.
        </p>
        <div className="row">
          <button type="button" className="small" onClick={applyUpdate}>
            Reload to update
          </button>
          <button type="button" className="small secondary" onClick={dismissUpdate}>
            Later
          </button>
        </div>
      </div>
    );
  }
  if (sw.kind === 'installing') {
    return (
      <p className="sw-saving muted" role="status" aria-label="Offline use">
        Saving the app and its embedded models for offline use…
      </p>
    );
  }
  return null;
}
