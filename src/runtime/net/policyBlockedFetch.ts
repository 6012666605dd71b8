// A fetch that says so when the page's security policy, not the network, stopped a download.
//
// Why: a request the Content-Security-Policy refuses (connect-src) fails exactly like one that never
// reached the network — fetch rejects with a bare TypeError("Failed to fetch") — so a user who typed a
// mirror's address would read "offline?" and look in the wrong place. The browser does report the
// refusal, as a `securitypolicyviolation` event on the global scope of whoever fetched (the window, or
// the worker: a worker served with the policy header enforces it itself). This wrapper listens for
// those events and, when a fetch fails after a connect-src violation, throws BlockedByPolicyError
// naming the host and the setting that admits it. The event is queued as a task, which may run after
// the fetch's rejection, so the check waits one short timer first.
import { BlockedByPolicyError } from '../../core/errors';
import { HUB_HOSTS_SETTING } from '../../core/hubHostsSetting';
import type { FetchLike } from './lazyBodyFetch';

interface Violation {
  directive: string;
  blockedURI: string;
}

/** How long a failed fetch waits for the violation event (a queued task) before it is taken as a network failure. */
const EVENT_GRACE_MS = 50;

const originOf = (url: string): string | null => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
};

/** The sentence a user reads when the policy refused a download from `origin`. */
export function blockedByPolicyMessage(origin: string): string {
  return (
    `This page's security policy (Content-Security-Policy connect-src) blocked the download from ${origin}: it reaches huggingface.co and only the other Hub hosts named in ${HUB_HOSTS_SETTING}. ` +
    `To use this host, set ${HUB_HOSTS_SETTING}=${origin} (and the hosts its downloads redirect to) when building and serving the app — see “Security policy” in the README.`
  );
}

/**
 * Wrap `fetchFn` so that a failure caused by a connect-src violation on `scope` (the window or worker
 * that runs the fetch) becomes a BlockedByPolicyError. Other failures pass through unchanged.
 */
export function policyBlockedFetch(fetchFn: FetchLike, scope: Pick<EventTarget, 'addEventListener'> | undefined = globalThis): FetchLike {
  const seen: Violation[] = [];
  scope?.addEventListener?.('securitypolicyviolation', (event) => {
    const e = event as Event & Partial<Violation> & { effectiveDirective?: string; violatedDirective?: string };
    seen.push({ directive: e.effectiveDirective ?? e.violatedDirective ?? '', blockedURI: e.blockedURI ?? '' });
  });
  return async (input, init) => {
    const before = seen.length;
    try {
      return await fetchFn(input, init);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      await new Promise((resolve) => setTimeout(resolve, EVENT_GRACE_MS));
      const violation = seen.slice(before).find((v) => v.directive.startsWith('connect-src'));
      if (!violation) throw e;
      const origin = originOf(violation.blockedURI) ?? originOf(String(input)) ?? String(input);
      throw new BlockedByPolicyError(blockedByPolicyMessage(origin), { cause: e });
    }
  };
}
