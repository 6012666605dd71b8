// Everything an instructor can hand the class view, turned into class entries before anything is
// kept: pasted participant codes (one per line; a bad line is reported with its line number and the
// others are still read), a trials CSV (every participant in it scored by core's scoreParticipant, so
// the class view and `bias-workbench iat-score` agree) and a participant's JSON result (its trials
// scored again, not its stored score, so a file cannot claim a D its trials do not give). Whether an
// entry is new, a duplicate or for another test is decided afterwards, against the collection
// (iatClassCollection.ts), because that needs what was collected before.
import { decodeParticipantCode, normalizeParticipantCode, participantTag, probeTag } from '../core/iat/participantCode';
import { scoreParticipant, type IatParticipantScore, type IatTrialCounts } from '../core/iat/participantScore';
import type { IatTrial } from '../core/iat/trial';
import { parseIatTrialsCsv } from '../probes/import/iatTrialsCsv';

export type IatClassSource = 'code' | 'trials-file' | 'result-file';

/** What the class view needs of one participant (a code carries exactly this; D from a code is rounded to 0.001). */
export interface IatClassResult {
  d: number | null;
  firstPairing: 'XA' | 'XB' | null;
  trials: IatTrialCounts;
  flags: { fastResponder: boolean; tooFewTrials: boolean };
  included: boolean;
}

export interface IatClassEntry {
  id: string;
  source: IatClassSource;
  /** What the instructor recognises the entry by: the code, or the file and the participant in it. */
  label: string;
  /** When it was added (ISO); the collection is listed in this order. */
  savedAt: string;
  /** probeTag of the test; null for a trials CSV, which does not say which test it is. */
  probeTag: number | null;
  /** The test's title, when a JSON result names it. */
  probeTitle: string | null;
  /** participantTag of the result's nonce (codes; JSON results that carry one). */
  participantTag: number | null;
  /** A fingerprint of the trials (files only): the same trials under another name are the same result. */
  trialsKey: string | null;
  result: IatClassResult;
}

/** Where an input came from, as the report names it: "line 4", "alice.csv, participant p2". */
export interface IatIntakeItem {
  origin: string;
  entry: IatClassEntry;
}

export interface IatIntakeProblem {
  origin: string;
  message: string;
}

export interface IatIntake {
  items: IatIntakeItem[];
  problems: IatIntakeProblem[];
}

/** The format tag of the participant screen's JSON result (probes/families/human-iat writes it). */
export const IAT_RESULT_FORMAT = 'bias-workbench-iat-result@1';

const resultOf = (s: IatParticipantScore): IatClassResult => ({
  d: s.d,
  firstPairing: s.firstPairing,
  trials: { ...s.trials },
  flags: { ...s.flags },
  included: s.included,
});

/** cyrb53 (a public-domain 53-bit string hash): collisions among a class's files are negligible. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The trials without the participant's name, in (block, trial) order: the same session exported twice, or renamed, gives the same key. */
function trialsKey(trials: readonly IatTrial[]): string {
  const rows = trials
    .map((t) => [t.block, t.trial, t.category, t.stimulus, t.pairing, t.correct, t.latencyMs, t.errorCorrection ?? 'built-in'].join('\u001f'))
    .sort();
  return hash53(rows.join('\u001e'));
}

const entryId = (source: IatClassSource, key: string) => `${source}:${key}`;

/** Each non-empty line of `text` as one code; bad lines are reported with their 1-based line number. */
export function intakeCodes(text: string, now: Date = new Date()): IatIntake {
  const items: IatIntakeItem[] = [];
  const problems: IatIntakeProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (normalizeParticipantCode(line) === '') return;
    const origin = `line ${i + 1}`;
    const decoded = decodeParticipantCode(line);
    if (!decoded.ok) {
      problems.push({ origin, message: decoded.message });
      return;
    }
    const v = decoded.value;
    const code = normalizeParticipantCode(line).replace(/(.{4})(?=.)/g, '$1-');
    items.push({
      origin,
      entry: {
        id: entryId('code', code),
        source: 'code',
        label: code,
        savedAt: now.toISOString(),
        probeTag: v.probeTag,
        probeTitle: null,
        participantTag: v.participantTag,
        trialsKey: null,
        result: { d: v.d, firstPairing: v.firstPairing, trials: v.trials, flags: v.flags, included: v.included },
      },
    });
  });
  return { items, problems };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function intakeTrialsCsv(fileName: string, text: string, now: Date): IatIntake {
  let trials: IatTrial[];
  try {
    trials = parseIatTrialsCsv(text);
  } catch (e) {
    return { items: [], problems: [{ origin: fileName, message: messageOf(e) }] };
  }
  const byParticipant = new Map<string, IatTrial[]>();
  for (const t of trials) byParticipant.set(t.participant, [...(byParticipant.get(t.participant) ?? []), t]);
  const intake: IatIntake = { items: [], problems: [] };
  for (const [participant, own] of byParticipant) {
    const origin = `${fileName}, participant ${participant}`;
    try {
      const key = trialsKey(own);
      intake.items.push({
        origin,
        entry: {
          id: entryId('trials-file', key),
          source: 'trials-file',
          label: origin,
          savedAt: now.toISOString(),
          probeTag: null,
          probeTitle: null,
          participantTag: null,
          trialsKey: key,
          result: resultOf(scoreParticipant(participant, own)),
        },
      });
    } catch (e) {
      intake.problems.push({ origin, message: messageOf(e) });
    }
  }
  return intake;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape of each trial (the scorer then checks what they say: pairings, latencies, repeats); the first bad one is named. */
function trialShapeProblem(trials: readonly unknown[]): string | null {
  for (let i = 0; i < trials.length; i++) {
    const t = trials[i];
    const ok =
      isRecord(t) &&
      typeof t.participant === 'string' &&
      typeof t.block === 'number' && Number.isInteger(t.block) && t.block >= 1 && t.block <= 7 &&
      typeof t.trial === 'number' && Number.isInteger(t.trial) &&
      typeof t.category === 'string' && typeof t.stimulus === 'string' &&
      (t.pairing === '' || t.pairing === 'XA' || t.pairing === 'XB') &&
      (t.correct === 0 || t.correct === 1) &&
      typeof t.latencyMs === 'number' &&
      (t.errorCorrection === undefined || t.errorCorrection === 'built-in' || t.errorCorrection === 'none');
    if (!ok) return `trial ${i + 1} of the result is not a trial record (participant, block 1–7, trial, category, stimulus, pairing, correct 0/1, latencyMs)`;
  }
  return null;
}

function intakeResultJson(fileName: string, text: string, now: Date): IatIntake {
  const refuse = (message: string): IatIntake => ({ items: [], problems: [{ origin: fileName, message }] });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return refuse(`not valid JSON (${messageOf(e)})`);
  }
  if (!isRecord(json) || json.format !== IAT_RESULT_FORMAT) return refuse(`not a human IAT result (a result file has "format": "${IAT_RESULT_FORMAT}")`);
  const { participant, probeId, title, nonce, trials } = json;
  if (typeof participant !== 'string' || typeof probeId !== 'string' || !Array.isArray(trials)) {
    return refuse('the result lacks its participant, probeId or trials');
  }
  const shape = trialShapeProblem(trials);
  if (shape) return refuse(shape);
  let score: IatParticipantScore;
  try {
    score = scoreParticipant(participant, trials as IatTrial[]);
  } catch (e) {
    return refuse(messageOf(e));
  }
  const key = trialsKey(trials as IatTrial[]);
  return {
    items: [
      {
        origin: fileName,
        entry: {
          id: entryId('result-file', key),
          source: 'result-file',
          label: `${fileName} (participant ${participant})`,
          savedAt: now.toISOString(),
          probeTag: probeTag(probeId),
          probeTitle: typeof title === 'string' ? title : null,
          participantTag: typeof nonce === 'string' && nonce !== '' ? participantTag(nonce) : null,
          trialsKey: key,
          result: resultOf(score),
        },
      },
    ],
    problems: [],
  };
}

/** A dropped file: a JSON result when it parses as a JSON object, else a trials CSV. */
export function intakeFile(fileName: string, text: string, now: Date = new Date()): IatIntake {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.trimStart().startsWith('{') ? intakeResultJson(fileName, body, now) : intakeTrialsCsv(fileName, body, now);
}
