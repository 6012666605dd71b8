// Fault suite, share links: the `#probe=` and `#lm-probe=` fragments a user opens, and the
// `?hubHost=&hubModel=` link parameters. All are attacker-chosen text: every bad one is refused
// with a message saying which step failed, bounded work before any parsing, and nothing runs.
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { ProbeValidationError } from '../../src/core/errors';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { LM_BUILTIN_PROBES } from '../../src/probes/builtin/lm';
import { crc32Hex, decodeProbeFromFragment, encodeProbeToFragment, FRAGMENT_MAX_CHARS, FRAGMENT_MAX_JSON_CHARS } from '../../src/probes/share';
import { parseProbe } from '../../src/probes/validate';
import { parseHubHost } from '../../src/state/hubHost';
import { lmShareUrlFor, readLmShareFragment, readShareFragment } from '../../src/state/share';
import { smallProbe as small, thrown } from './faultHelpers';

/** A well-formed fragment (payload and matching checksum) around any text. */
const wrap = (text: string, prefix = '#probe=') => `${prefix}${LZString.compressToEncodedURIComponent(text)}.${crc32Hex(text)}`;

describe('fault suite', () => {
  it('share links · hostile · a link with a changed character, a changed checksum or a <script> → "checksum does not match" / "characters a share link never has"', () => {
    const frag = encodeProbeToFragment(parseProbe(small()));
    const tampered = frag.slice(0, 20) + (frag[20] === 'Q' ? 'R' : 'Q') + frag.slice(21);
    const e = thrown(() => decodeProbeFromFragment(tampered), ProbeValidationError);
    expect(e.message).toMatch(/^This share link does not contain a valid probe: /);
    expect(e.message).toMatch(/checksum does not match|could not be decompressed/);
    // A changed checksum digit is caught even though the payload is intact.
    const last = frag.at(-1) === '0' ? '1' : '0';
    expect(thrown(() => decodeProbeFromFragment(frag.slice(0, -1) + last), ProbeValidationError).message).toMatch(
      /checksum does not match/,
    );
    const e2 = thrown(() => decodeProbeFromFragment('#probe=<script>'), ProbeValidationError);
    expect(e2.message).toMatch(/characters a share link never has/);
  });

  it('share links · interrupted · a link cut off when copied (at 10 characters, half-way, before the checksum) → "cut off", or "it is empty"', () => {
    const frag = encodeProbeToFragment(getBuiltinProbe('caliskan-weat-1'));
    for (const cut of [10, Math.floor(frag.length / 2), frag.length - 3]) {
      const e = thrown(() => decodeProbeFromFragment(frag.slice(0, cut)), ProbeValidationError);
      expect(e.message).toMatch(/^This share link does not contain a valid probe: /);
      expect(e.message).toMatch(/cut off|truncated/);
    }
    const e = thrown(() => decodeProbeFromFragment('#probe='), ProbeValidationError);
    expect(e.message).toMatch(/it is empty/);
  });

  it('share links · malformed · a link holding JSON that is not a probe, or not JSON → "the probe in it is invalid" naming the field / "not JSON"', () => {
    const wrap = (text: string) => `#probe=${LZString.compressToEncodedURIComponent(text)}.${crc32Hex(text)}`;
    const e = thrown(() => decodeProbeFromFragment(wrap(JSON.stringify({ family: 'weat', id: 'x' }))), ProbeValidationError);
    expect(e.message).toContain('the probe in it is invalid');
    expect(e.message).toContain('title: is missing');
    const notJson = wrap('hello {');
    expect(thrown(() => decodeProbeFromFragment(notJson), ProbeValidationError).message).toMatch(/not JSON/);
  });

  it('share links · oversized · a 33,000-character link → refused before decompressing, naming the 32,768 limit', () => {
    const body = 'A'.repeat(32_993); // 33,000 with the prefix
    expect(readShareFragment(`#probe=${body}`)).toEqual({
      kind: 'error',
      message: 'This share link does not contain a valid probe: it is 33,000 characters long; the limit is 32,768.',
    });
    expect(FRAGMENT_MAX_CHARS).toBe(32_768);
  });

  it('share links · hostile · a 1.7 KB link that would decompress to 600,000 characters → refused at the 524,288-character ceiling', () => {
    const bomb = wrap('a'.repeat(600_000));
    expect(bomb.length).toBeLessThan(2_000);
    const e = thrown(() => decodeProbeFromFragment(bomb), ProbeValidationError);
    expect(e.message).toBe(
      'This share link does not contain a valid probe: it decompresses to more than 524,288 characters; no real probe link does (the limit is 524,288).',
    );
    expect(FRAGMENT_MAX_JSON_CHARS).toBe(524_288);
  });

  it('share links · hostile · an LM link with its checksum changed, or carrying a WEAT probe → refused with the LM link\'s message', () => {
    const url = lmShareUrlFor(LM_BUILTIN_PROBES['lm-counterfactual-basic'], 'https://example.org/');
    const hash = url.slice(url.indexOf('#'));
    expect(readLmShareFragment(hash).kind).toBe('ok');
    const changed = hash.slice(0, -1) + (hash.endsWith('0') ? '1' : '0');
    expect(readLmShareFragment(changed)).toEqual({
      kind: 'error',
      message: 'This share link does not contain a valid LM probe: its checksum does not match; the link was changed or damaged on the way.',
    });
    const weat = readLmShareFragment(wrap(JSON.stringify(getBuiltinProbe('caliskan-weat-1')), '#lm-probe='));
    expect(weat.kind).toBe('error');
    expect(weat.kind === 'error' && weat.message).toMatch(/^This share link does not contain a valid LM probe: .*family/);
  });

  it('share links · hostile · a link whose Hub host is javascript:, carries a password, or is not an address → refused with the reason', () => {
    expect(parseHubHost('javascript:alert(document.domain)')).toEqual({ ok: false, message: 'A Hub host must be an http(s) address, not javascript:.' });
    expect(parseHubHost('https://user:secret@hub.example/')).toEqual({ ok: false, message: 'A Hub host must not contain a user name or password.' });
    expect(parseHubHost('https://hub.example/?x=1')).toEqual({ ok: false, message: 'A Hub host has no query (?…) or fragment (#…).' });
    expect(parseHubHost('<img src=x onerror=alert(1)>')).toEqual({
      ok: false,
      message: '“<img src=x onerror=alert(1)>” is not a web address; a Hub host looks like https://huggingface.co/.',
    });
    expect(parseHubHost('https://mirror.example/hf')).toEqual({ ok: true, host: 'https://mirror.example/hf/' });
  });
});
