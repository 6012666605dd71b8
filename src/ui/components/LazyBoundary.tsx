// A lazily loaded part of the page (LM editor, LM results) whose chunk could not be fetched (offline
// before it was ever cached, a dropped request) would otherwise unmount the whole app. This shows a
// clear message (and a reload button: React keeps a failed lazy import failed) in its place and leaves the rest of the page working.
import { Component, Suspense, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class LazyBoundary extends Component<{ what: string; children: ReactNode }, State> {
  override state: State = { error: null };
  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }
  override render() {
    if (this.state.error)
      return (
        <div className="notice notice-error" role="alert">
          <div>
            <strong>Could not load the {this.props.what}</strong>
            <p>{this.state.error.message}</p>
            <p>Your draft and history are kept in this browser; reloading the page fetches this part again.</p>
            <button type="button" className="small" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </div>
        </div>
      );
    return (
      <Suspense fallback={<p className="muted">Loading the {this.props.what}…</p>}>
        {this.props.children}
      </Suspense>
    );
  }
}
