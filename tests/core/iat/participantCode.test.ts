// Participant codes: the exact strings of a Python re-implementation of the packing (below), a round
// trip through the real scorer on many seeded random participants (the decoded flags must agree with
// the scorer's, which computes them from the trials, not from the counts), every single-character
// substitution and neighbour swap refused, and each refusal's message.
import { describe, expect, it } from 'vitest';
import { InvalidTrialsError } from '../../../src/core/errors';
import { createRng, type Rng } from '../../../src/core/rng';
import { scoreParticipant, type IatBlock, type IatParticipantScore, type IatTrial } from '../../../src/core/iat';
import {
  CODE_ALPHABET,
  decodeParticipantCode,
  encodeParticipantCode,
  normalizeParticipantCode,
  participantTag,
  probeTag,
} from '../../../src/core/iat/participantCode';

/** A score with only what a code reads set; the rest is filler the encoder ignores. */
function score(d: number | null, firstPairing: 'XA' | 'XB' | null, recorded: number, droppedSlow: number, fast: number, errors: number): IatParticipantScore {
  const pair = { blocks: [3, 6] as const, meanXA: null, meanXB: null, inclusiveSd: null, d: null, trialsXA: 0, trialsXB: 0 };
  return {
    participant: 'p',
    d,
    practice: pair,
    test: { ...pair, blocks: [4, 7] },
    firstPairing,
    errorTreatment: 'built-in',
    trials: { recorded, scored: recorded - droppedSlow, droppedSlow, fast, errors },
    fastShare: recorded > 0 ? fast / recorded : 0,
    flags: { fastResponder: fast * 10 > recorded, tooFewTrials: d === null },
    included: d !== null && fast * 10 <= recorded,
  };
}

const decoded = (code: string) => {
  const r = decodeParticipantCode(code);
  if (!r.ok) throw new Error(`refused ${code}: ${r.message}`);
  return r.value;
};

describe('participant code: known strings', () => {
  // Expected codes from /usr/bin/python3, an independent re-implementation of the method note:
  //   h32 = FNV-1a 32 over the UTF-16 code units, then murmur3 fmix32
  //   fields (value, radix), most significant first: D (0 = none, else round(1000·D) + 8192; 16384),
  //   first pairing (none 0, XA 1, XB 2; 3), recorded, dropped slow, fast, errors (128 each),
  //   h32('probe:' + id) mod 2048, h32('participant:' + nonce) mod 2^19; the packed number in 15
  //   base-31 digits over '23456789ABCDEFGHJKMNPQRSTUVWXYZ', then the digit c with
  //   Σ (i+1)·digit_i + 16·c ≡ 0 (mod 31); groups of four joined by '-'.
  it.each([
    [score(0.5, 'XA', 120, 0, 2, 7), 'weat-1-flowers-insects', 'n-1', 'BXUR-P4SU-N77G-S7S4', 273, 41294],
    [score(-1.234, 'XB', 120, 3, 20, 11), 'weat-1-flowers-insects', 'n-2', '9YFJ-87HD-5KAS-DTTJ', 273, 307002],
    [score(null, null, 0, 0, 0, 0), 'weat-1-flowers-insects', 'n-3', '2222-2222-272A-5XWP', 273, 257237],
    [score(8.191, 'XA', 127, 127, 127, 0), 'x', 'n-4', 'MR7W-E94J-QWCT-N6AS', 245, 283520],
  ] as const)('code %#', (s, probeId, nonce, expected, expectedProbeTag, expectedParticipantTag) => {
    expect(probeTag(probeId)).toBe(expectedProbeTag);
    expect(participantTag(nonce)).toBe(expectedParticipantTag);
    expect(encodeParticipantCode(s, probeId, nonce)).toBe(expected);
  });

  it('reads the second example back: D −1.234, XB first, counts, a fast responder (20 of 120 > 10%)', () => {
    expect(decoded('9YFJ-87HD-5KAS-DTTJ')).toEqual({
      d: -1.234,
      firstPairing: 'XB',
      trials: { recorded: 120, scored: 117, droppedSlow: 3, fast: 20, errors: 11 },
      flags: { fastResponder: true, tooFewTrials: false },
      included: false,
      probeTag: 273,
      participantTag: 307002,
    });
  });

  it('ignores case, spaces and dashes', () => {
    for (const typed of ['bxur p4su n77g s7s4', 'BXURP4SUN77GS7S4', ' bXuR-p4Su-N77g - s7S4 ']) {
      expect(normalizeParticipantCode(typed)).toBe('BXURP4SUN77GS7S4');
      expect(decoded(typed).d).toBe(0.5);
    }
  });

  it('uses an alphabet of 31 characters without 0, O, 1, I, L', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (const c of '0O1IL') expect(CODE_ALPHABET).not.toContain(c);
  });
});

/** A random participant of the workbench's design (20/40/20/40 combined trials), XA or XB first. */
function randomTrials(rng: Rng): IatTrial[] {
  const first = rng.int(0, 1) === 0 ? 'XA' : 'XB';
  const second = first === 'XA' ? 'XB' : 'XA';
  const shift = rng.int(-400, 400);
  const fastPerMille = rng.int(0, 2) === 0 ? rng.int(0, 300) : 0;
  const trials: IatTrial[] = [];
  for (const [block, n] of [[3, 20], [4, 40], [6, 20], [7, 40]] as [IatBlock, number][]) {
    // Now and then a whole block is slower than 10 s, so participants without a D occur too.
    const allSlow = rng.int(0, 40) === 0;
    const pairing = block <= 4 ? first : second;
    for (let trial = 1; trial <= n; trial++) {
      const typical = 700 + (pairing === 'XB' ? shift : 0) + rng.int(-250, 600);
      const latencyMs = allSlow ? 10_001 + rng.int(0, 5000)
        : rng.int(0, 999) < fastPerMille ? rng.int(100, 299)
        : rng.int(0, 60) === 0 ? 10_001 + rng.int(0, 3000)
        : typical;
      trials.push({ participant: 'p', block, trial, category: 'c', stimulus: 's', pairing, correct: rng.int(0, 9) === 0 ? 0 : 1, latencyMs });
    }
  }
  return trials;
}

describe('participant code: round trip through the scorer', () => {
  it("carries D within 0.0005, the counts, the first pairing and the scorer's flags (1000 seeded participants)", () => {
    const rng = createRng(20260);
    const seen = { withoutD: 0, fastResponders: 0, included: 0 };
    for (let k = 0; k < 1000; k++) {
      const s = scoreParticipant('p', randomTrials(rng));
      const probeId = `probe-${rng.int(0, 50)}`;
      const nonce = `nonce-${rng.int(0, 2 ** 30)}`;
      const code = encodeParticipantCode(s, probeId, nonce);
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
      const v = decoded(code);
      if (s.d === null) expect(v.d).toBeNull();
      else expect(Math.abs(v.d! - s.d)).toBeLessThanOrEqual(0.0005 + 1e-12);
      expect(v.firstPairing).toBe(s.firstPairing);
      expect(v.trials).toEqual(s.trials);
      expect(v.flags).toEqual(s.flags);
      expect(v.included).toBe(s.included);
      expect(v.probeTag).toBe(probeTag(probeId));
      expect(v.participantTag).toBe(participantTag(nonce));
      seen.withoutD += s.d === null ? 1 : 0;
      seen.fastResponders += s.flags.fastResponder ? 1 : 0;
      seen.included += s.included ? 1 : 0;
    }
    // The generator reaches every kind of participant the class view distinguishes.
    expect(seen.withoutD).toBeGreaterThan(10);
    expect(seen.fastResponders).toBeGreaterThan(50);
    expect(seen.included).toBeGreaterThan(500);
  });

  it('carries D at the edges of its range and every first pairing', () => {
    for (const d of [-8.191, -0.0004, 0, 0.0005, 1.9995, 8.191]) {
      for (const first of ['XA', 'XB', null] as const) {
        const v = decoded(encodeParticipantCode(score(d, first, 120, 1, 3, 9), 'p', 'n'));
        expect(v.d).toBeCloseTo(Math.round(d * 1000) / 1000, 12);
        expect(v.firstPairing).toBe(first);
      }
    }
  });
});

describe('participant code: mistakes are caught', () => {
  const codes = [0.5, -1.234, 0.031, null].map((d, i) => normalizeParticipantCode(encodeParticipantCode(score(d, 'XA', 120, i, i + 1, 5), 'weat-1', `n${i}`)));

  it('refuses every single-character substitution (4 codes × 16 positions × 30 wrong characters)', () => {
    let tried = 0;
    for (const code of codes) {
      for (let i = 0; i < code.length; i++) {
        for (const c of CODE_ALPHABET) {
          if (c === code[i]) continue;
          const r = decodeParticipantCode(code.slice(0, i) + c + code.slice(i + 1));
          expect(r.ok, `${code} with ${c} at ${i + 1}`).toBe(false);
          tried++;
        }
      }
    }
    expect(tried).toBe(4 * 16 * 30);
  });

  it('refuses every swap of two different neighbouring characters', () => {
    for (const code of codes) {
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(decodeParticipantCode(swapped)).toEqual({ ok: false, message: 'The code does not check: a character is wrong or two are swapped. Ask for it again.' });
      }
    }
  });

  it('says what is wrong in plain words', () => {
    expect(decodeParticipantCode('  - ')).toEqual({ ok: false, message: 'The code is empty.' });
    expect(decodeParticipantCode('BXUR-P4SU-N77G-S7S')).toEqual({ ok: false, message: 'A code has 16 characters; this one has 15. Check for a missing or extra character.' });
    expect(decodeParticipantCode('BXUR-P4SU-N77G-S7S42')).toEqual({ ok: false, message: 'A code has 16 characters; this one has 17. Check for a missing or extra character.' });
    expect(decodeParticipantCode('BXUR-P4SU-N7OG-S7S4')).toEqual({ ok: false, message: "Character 11 ('O') is not used in codes: they have no 0, O, 1, I or L, only 2–9 and the other letters." });
    expect(decodeParticipantCode('bxur-p4su-n770-s7s4')).toEqual({ ok: false, message: "Character 12 ('0') is not used in codes: they have no 0, O, 1, I or L, only 2–9 and the other letters." });
  });

  it('refuses a checked string beyond the packed range, and one with impossible counts', () => {
    // 'ZZZZZZZZZZZZZZZ' is 31^15 − 1, past the product of the radices (≈ 0.60 · 31^15); the check
    // digit c solves Σ(i+1)·30 + 16c ≡ 0 (mod 31): Σ(i+1) for i < 15 is 120, 120·30 = 3600 ≡ 4, so
    // 16c ≡ 27, c = 27·16⁻¹ = 27·2 = 54 ≡ 23 → 'S' (16·2 = 32 ≡ 1; 'S' is the 24th character).
    expect(decodeParticipantCode('ZZZZZZZZZZZZZZZS')).toEqual({ ok: false, message: 'This is not a participant code of this version of the workbench.' });
    // Counts with fast > recorded cannot come from the scorer; the encoder packs whatever it is given.
    const forged = encodeParticipantCode(score(0.1, 'XA', 3, 0, 4, 0), 'p', 'n');
    expect(decodeParticipantCode(forged)).toEqual({ ok: false, message: 'This code holds impossible trial counts: it is not a participant code.' });
  });
});

describe('participant code: results a code cannot carry', () => {
  it.each([
    [score(8.1915, 'XA', 120, 0, 0, 0), /D = 8.1915 is beyond ±8.191/],
    [score(0.2, 'XA', 128, 0, 0, 0), /128 recorded trials \(at most 127\)/],
    [{ ...score(0.2, 'XA', 120, 0, 0, 0), errorTreatment: 'replaced-600' as const }, /errors were not corrected/],
  ])('refuses %#', (s, message) => {
    expect(() => encodeParticipantCode(s, 'p', 'n')).toThrow(InvalidTrialsError);
    expect(() => encodeParticipantCode(s, 'p', 'n')).toThrow(message);
  });
});
