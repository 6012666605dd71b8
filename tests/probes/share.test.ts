// Share links: round trip, size guard, leniency towards a missing "#" and percent-encoding.
import { describe, expect, it } from 'vitest';
import { ProbeValidationError } from '../../src/core/errors';
import { BUILTIN_PROBES, getBuiltinProbe } from '../../src/probes/builtin';
import { crc32Hex, decodeProbeFromFragment, encodeProbeToFragment, FRAGMENT_MAX_CHARS, hasProbeFragment } from '../../src/probes/share';

describe('share fragment', () => {
  it('round-trips every built-in exactly', () => {
    for (const id of Object.keys(BUILTIN_PROBES)) {
      const probe = getBuiltinProbe(id)!;
      const frag = encodeProbeToFragment(probe);
      expect(frag.startsWith('#probe=')).toBe(true);
      expect(frag.length).toBeLessThan(FRAGMENT_MAX_CHARS);
      expect(hasProbeFragment(frag)).toBe(true);
      expect(decodeProbeFromFragment(frag)).toEqual(probe);
      expect(decodeProbeFromFragment(frag.slice(1))).toEqual(probe);
    }
  });
  it('accepts a percent-encoded link', () => {
    const probe = getBuiltinProbe('caliskan-seat-3');
    const frag = encodeProbeToFragment(probe);
    const encoded = '#probe=' + frag.slice(7).replace(/\$/g, '%24').replace(/\+/g, '%2B');
    expect(decodeProbeFromFragment(encoded)).toEqual(probe);
  });
  it('refuses to create or read a fragment over 32 KB', () => {
    const probe = getBuiltinProbe('caliskan-weat-1');
    // Random-looking words compress badly, so this exceeds the limit.
    let x = 12345;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x.toString(36));
    probe.attributes.A.words = Array.from({ length: 5000 }, () => rnd() + rnd() + rnd());
    expect(() => encodeProbeToFragment(probe)).toThrow(ProbeValidationError);
    expect(() => encodeProbeToFragment(probe)).toThrow(/too large to share as a link .* Export it as a JSON file instead/);
    expect(() => decodeProbeFromFragment('#probe=' + 'A'.repeat(FRAGMENT_MAX_CHARS))).toThrow(/the limit is 32,768/);
  });
  it('crc32Hex matches the standard check value', () => {
    expect(crc32Hex('123456789')).toBe('cbf43926');
  });
  it('a wrong prefix is explained', () => {
    expect(() => decodeProbeFromFragment('#run=abc')).toThrow('This share link does not contain a valid probe: it should start with "#probe=".');
  });
});
