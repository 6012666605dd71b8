// The short code a student reads out or pastes so the instructor can collect a class's IAT results
// without a server (docs/methods/iat-d-score.md, "Participant codes"). Sixteen characters in four
// groups of four: fifteen carry one number in base 31, the sixteenth is a check character. The number
// is a mixed-radix packing of exactly what the class view needs (D to 0.001 or none, which pairing came
// first, four trial counts, a tag of the probe and one of the participant's nonce); the flags and the
// "included" verdict are recomputed from those with the scorer's own rules, so a code cannot carry
// flags that contradict its counts. Base 31 because the readable alphabet (no 0/O/1/I/L) has 31
// characters, and 31 is prime, so the weighted check sum catches every single wrong character and every
// swap of two neighbours.
import { InvalidTrialsError } from '../errors';
import { FAST_RESPONDER_PERCENT, type IatParticipantScore } from './participantScore';

/** The 31 characters of a code: digits 2–9 and A–Z without I, L, O. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = CODE_ALPHABET.length;
const PAYLOAD_CHARS = 15;
export const CODE_LENGTH = PAYLOAD_CHARS + 1;
const GROUP = 4;

/** D is carried as round(1000·D), so |D| up to 8.191; 0 stands for "no D". */
export const CODE_MAX_ABS_D = 8.191;
const D_STEPS = 8191;
/** Each trial count (recorded, dropped slow, fast, errors) must be at most this (the workbench records 120). */
export const CODE_MAX_TRIALS = 127;
const PROBE_TAGS = 2048;
const PARTICIPANT_TAGS = 2 ** 19;

// Field radices, most significant first; the product (≈ 0.60 of 31^15) leaves the top of the range
// unused, so even a random string of valid characters that passes the check is refused 40% of the time.
const RADICES = {
  d: BigInt(2 * D_STEPS + 2),
  firstPairing: 3n,
  recorded: BigInt(CODE_MAX_TRIALS + 1),
  droppedSlow: BigInt(CODE_MAX_TRIALS + 1),
  fast: BigInt(CODE_MAX_TRIALS + 1),
  errors: BigInt(CODE_MAX_TRIALS + 1),
  probeTag: BigInt(PROBE_TAGS),
  participantTag: BigInt(PARTICIPANT_TAGS),
} as const;
type Field = keyof typeof RADICES;
const FIELDS = Object.keys(RADICES) as Field[];
const PAYLOAD_LIMIT = FIELDS.reduce((product, f) => product * RADICES[f], 1n);

/** What a code carries, decoded; the flags and `included` follow the scorer's rules from the counts and D. */
export interface ParticipantCodeContent {
  /** D rounded to 0.001 (within 0.0005 of the scored D); null when the participant has no D. */
  d: number | null;
  firstPairing: 'XA' | 'XB' | null;
  trials: { recorded: number; scored: number; droppedSlow: number; fast: number; errors: number };
  flags: { fastResponder: boolean; tooFewTrials: boolean };
  included: boolean;
  /** probeTag(probeId) of the test the code was made for. */
  probeTag: number;
  /** participantTag(nonce): equal tags mean the same participant's result (or a 1-in-524,288 coincidence). */
  participantTag: number;
}

export type ParticipantCodeDecoding = { ok: true; value: ParticipantCodeContent } | { ok: false; message: string };

/** 32-bit FNV-1a over UTF-16 code units, then murmur3's finaliser so the low bits mix too. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 11-bit tag of a probe id a code carries, so a code made for another test is refused. */
export const probeTag = (probeId: string): number => hash32(`probe:${probeId}`) % PROBE_TAGS;
/** The 19-bit tag of a participant's result nonce, by which the same result given twice is found. */
export const participantTag = (nonce: string): number => hash32(`participant:${nonce}`) % PARTICIPANT_TAGS;

/** The check character's value: makes Σ (position+1)·value ≡ 0 (mod 31) over all 16 characters. */
function checkValue(values: readonly number[]): number {
  let sum = 0;
  values.forEach((v, i) => (sum += (i + 1) * v));
  // (CODE_LENGTH · c + sum) ≡ 0  ⇒  c ≡ −sum · CODE_LENGTH⁻¹ (mod 31)
  const inverse = modularInverse(CODE_LENGTH, BASE);
  return (((-sum * inverse) % BASE) + BASE) % BASE;
}

function modularInverse(a: number, m: number): number {
  for (let x = 1; x < m; x++) if ((a * x) % m === 1) return x;
  throw new Error(`${a} has no inverse mod ${m}`);
}

const PAIRING_VALUE = { XA: 1n, XB: 2n } as const;

/**
 * The code of a scored participant, e.g. "7KQ2-XM4D-9RTB-VC3H".
 * @throws {InvalidTrialsError} for a result a code cannot carry: |D| > 8.191, a trial count over 127,
 * or errors replaced by +600 ms (the workbench's own test forces correction; export the trials file instead)
 */
export function encodeParticipantCode(score: IatParticipantScore, probeId: string, nonce: string): string {
  const cannot = (why: string) => new InvalidTrialsError(`participant ${score.participant}: ${why}; a participant code cannot carry this result, export the trials file instead`);
  if (score.errorTreatment !== 'built-in') throw cannot('errors were not corrected during the test');
  let dValue = 0n;
  if (score.d !== null) {
    const steps = Math.round(score.d * 1000);
    if (!Number.isFinite(score.d) || Math.abs(steps) > D_STEPS) throw cannot(`D = ${score.d} is beyond ±${CODE_MAX_ABS_D}`);
    dValue = BigInt(steps + D_STEPS + 1);
  }
  const t = score.trials;
  for (const [name, count] of [['recorded', t.recorded], ['dropped slow', t.droppedSlow], ['fast', t.fast], ['error', t.errors]] as const) {
    if (!Number.isInteger(count) || count < 0 || count > CODE_MAX_TRIALS) throw cannot(`${count} ${name} trials (at most ${CODE_MAX_TRIALS})`);
  }
  const fields: Record<Field, bigint> = {
    d: dValue,
    firstPairing: score.firstPairing === null ? 0n : PAIRING_VALUE[score.firstPairing],
    recorded: BigInt(t.recorded),
    droppedSlow: BigInt(t.droppedSlow),
    fast: BigInt(t.fast),
    errors: BigInt(t.errors),
    probeTag: BigInt(probeTag(probeId)),
    participantTag: BigInt(participantTag(nonce)),
  };
  let payload = FIELDS.reduce((acc, f) => acc * RADICES[f] + fields[f], 0n);
  const values: number[] = new Array<number>(PAYLOAD_CHARS);
  for (let i = PAYLOAD_CHARS - 1; i >= 0; i--) {
    values[i] = Number(payload % BigInt(BASE));
    payload /= BigInt(BASE);
  }
  values.push(checkValue(values));
  const chars = values.map((v) => CODE_ALPHABET[v]!).join('');
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) groups.push(chars.slice(i, i + GROUP));
  return groups.join('-');
}

/** The code as typed, upper-cased, without spaces and dashes (what equal codes are compared by). */
export const normalizeParticipantCode = (code: string): string => code.replace(/[\s\-‐‑–—]/g, '').toUpperCase();

/**
 * Reads a code typed or pasted in any case, with or without spaces and dashes. Refuses, with a message
 * a student can act on, a wrong length, a character not in the alphabet, a failed check (a misheard or
 * swapped character) and a number no result encodes.
 */
export function decodeParticipantCode(code: string): ParticipantCodeDecoding {
  const text = normalizeParticipantCode(code);
  if (text.length === 0) return { ok: false, message: 'The code is empty.' };
  const values: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const v = CODE_ALPHABET.indexOf(text[i]!);
    if (v < 0) {
      return { ok: false, message: `Character ${i + 1} ('${text[i]}') is not used in codes: they have no 0, O, 1, I or L, only 2–9 and the other letters.` };
    }
    values.push(v);
  }
  if (text.length !== CODE_LENGTH) {
    return { ok: false, message: `A code has ${CODE_LENGTH} characters; this one has ${text.length}. Check for a missing or extra character.` };
  }
  let sum = 0;
  values.forEach((v, i) => (sum += (i + 1) * v));
  if (sum % BASE !== 0) return { ok: false, message: 'The code does not check: a character is wrong or two are swapped. Ask for it again.' };
  let payload = 0n;
  for (let i = 0; i < PAYLOAD_CHARS; i++) payload = payload * BigInt(BASE) + BigInt(values[i]!);
  if (payload >= PAYLOAD_LIMIT) return { ok: false, message: 'This is not a participant code of this version of the workbench.' };
  const fields = {} as Record<Field, number>;
  for (let i = FIELDS.length - 1; i >= 0; i--) {
    const f = FIELDS[i]!;
    fields[f] = Number(payload % RADICES[f]);
    payload /= RADICES[f];
  }
  const { recorded, droppedSlow, fast, errors } = fields;
  if (droppedSlow > recorded || fast > recorded || errors > recorded - droppedSlow) {
    return { ok: false, message: 'This code holds impossible trial counts: it is not a participant code.' };
  }
  const d = fields.d === 0 ? null : (fields.d - D_STEPS - 1) / 1000;
  const fastResponder = fast * 100 > FAST_RESPONDER_PERCENT * recorded;
  return {
    ok: true,
    value: {
      d,
      firstPairing: fields.firstPairing === 0 ? null : fields.firstPairing === 1 ? 'XA' : 'XB',
      trials: { recorded, scored: recorded - droppedSlow, droppedSlow, fast, errors },
      flags: { fastResponder, tooFewTrials: d === null },
      included: d !== null && !fastResponder,
      probeTag: fields.probeTag,
      participantTag: fields.participantTag,
    },
  };
}
