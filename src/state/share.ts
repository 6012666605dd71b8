// Share a probe as a URL: the probe in the fragment (`#probe=…`, see src/probes/share.ts), so it
// never reaches a server. Opening such a URL loads the probe into the editor after validation and
// never runs anything; a tampered or cut-off link gives a clear message.
import { decodeProbeFromFragment, encodeProbeToFragment, hasProbeFragment } from '../probes/share';
import type { AssociationProbe } from '../probes/schema';
import LZString from 'lz-string';
import { crc32Hex, FRAGMENT_MAX_CHARS, unpackFragmentBody } from '../probes/share';
import type { JsonEditorProbe } from '../probes/lmSchema';
import { validateLmDraft } from './lmDraft';

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

// LM probes travel in their own fragment, `#lm-probe=<lz-string>.<crc32>`, validated against the LM
// schema on the way in (the association decoder only knows WEAT/SEAT).

export const LM_SHARE_PREFIX = '#lm-probe=';

export function lmShareUrlFor(probe: JsonEditorProbe, href: string): string {
  const json = JSON.stringify(probe);
  const fragment = `${LM_SHARE_PREFIX}${LZString.compressToEncodedURIComponent(json)}.${crc32Hex(json)}`;
  if (fragment.length > FRAGMENT_MAX_CHARS)
    throw new Error(`This probe is too large to share as a link (${fragment.length.toLocaleString('en-US')} characters; the limit is ${FRAGMENT_MAX_CHARS.toLocaleString('en-US')}). Export it as a JSON file instead.`);
  return href.replace(/#.*$/, '') + fragment;
}

export type LmShareRead = { kind: 'none' } | { kind: 'ok'; probe: JsonEditorProbe } | { kind: 'error'; message: string };

export function readLmShareFragment(hash: string): LmShareRead {
  if (!hash.startsWith(LM_SHARE_PREFIX)) return { kind: 'none' };
  const fail = (why: string) => new Error(`This share link does not contain a valid LM probe: ${why}`);
  let json: string;
  try {
    // Size first, then bounded decompression and the checksum: a crafted link costs no more than a real one.
    json = unpackFragmentBody(hash.slice(LM_SHARE_PREFIX.length), fail);
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
  const v = validateLmDraft(json);
  if (!v.probe) return { kind: 'error', message: fail(v.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')).message };
  return { kind: 'ok', probe: v.probe };
}
