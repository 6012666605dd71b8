// Share links: round trip, and every way a link can be broken gives a message, never a throw.
import { describe, expect, it } from 'vitest';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { readShareFragment, shareUrlFor } from '../../src/state/share';

describe('share links', () => {
  const probe = getBuiltinProbe('caliskan-weat-3');
  const url = shareUrlFor(probe, 'http://127.0.0.1:4175/?x=1#old');
  const hash = url.slice(url.indexOf('#'));
  it('round-trips a probe and replaces an existing fragment', () => {
    expect(url.startsWith('http://127.0.0.1:4175/?x=1#probe=')).toBe(true);
    const r = readShareFragment(hash);
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.probe).toEqual(probe);
  });
  it('ignores unrelated fragments', () => {
    expect(readShareFragment('')).toEqual({ kind: 'none' });
    expect(readShareFragment('#main')).toEqual({ kind: 'none' });
  });
  it.each([
    ['empty', '#probe='],
    ['truncated', hash.slice(0, hash.length / 2)],
    ['tampered', hash.slice(0, 40) + 'AAAA' + hash.slice(44)],
    ['foreign characters', '#probe=<script>'],
    ['valid lz-string of a non-probe', '#probe=N4XyA'],
  ])('%s link → clear error', (_name, h) => {
    const r = readShareFragment(h);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(/share link/);
  });
});
