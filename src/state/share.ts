// Share a probe as a URL: the probe in the fragment (`#probe=…`, see src/probes/share.ts), so it
// never reaches a server. Opening such a URL loads the probe into the editor after validation and
// never runs anything; a tampered or cut-off link gives a clear message.
import { decodeProbeFromFragment, encodeProbeToFragment, hasProbeFragment } from '../probes/share';
import type { AssociationProbe } from '../probes/schema';

/** Throws ProbeValidationError when the probe is too large for a link. */
export function shareUrlFor(probe: AssociationProbe, href: string): string {
  return href.replace(/#.*$/, '') + encodeProbeToFragment(probe);
}

export type ShareRead = { kind: 'none' } | { kind: 'ok'; probe: AssociationProbe } | { kind: 'error'; message: string };

/** Read a location hash such as "#probe=N4Ig…". */
export function readShareFragment(hash: string): ShareRead {
  if (!hasProbeFragment(hash)) return { kind: 'none' };
  try {
    return { kind: 'ok', probe: decodeProbeFromFragment(hash) };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
