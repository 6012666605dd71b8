// Collecting a class: codes pasted with a duplicate, a mistyped and a blank line; trials CSVs and
// JSON results scored with core's scorer (the D checked against the hand-worked example of
// tests/core/iat/participantScore.test.ts); duplicates across codes and files; a code for another
// test; the class summary against scipy; the collection surviving a new database connection (a
// reload) and an upgrade from the version-1 database; the class CSV.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { IatParticipantScore } from '../../src/core/iat';
import { encodeParticipantCode } from '../../src/core/iat/participantCode';
import { listRuns, saveRun, setDb, WorkbenchDb } from '../../src/state/db';
import { admitToClass, summarizeCollectedClass } from '../../src/state/iatClassCollection';
import { iatClassToCsv } from '../../src/state/iatClassCsv';
import { IAT_RESULT_FORMAT, intakeCodes, intakeFile } from '../../src/state/iatClassIntake';
import { useIatClass } from '../../src/state/iatClassStore';
import { weat1StoredRun } from './fixtures';

/** A scored participant with what a code carries; 120 combined trials, `fast` of them under 300 ms. */
function score(d: number | null, fast = 0): IatParticipantScore {
  const pair = { blocks: [3, 6] as const, meanXA: null, meanXB: null, inclusiveSd: null, d: null, trialsXA: 0, trialsXB: 0 };
  const fastResponder = fast * 10 > 120;
  return {
    participant: 'p',
    d,
    practice: pair,
    test: { ...pair, blocks: [4, 7] },
    firstPairing: 'XA',
    errorTreatment: 'built-in',
    trials: { recorded: 120, scored: 120, droppedSlow: 0, fast, errors: 6 },
    fastShare: fast / 120,
    flags: { fastResponder, tooFewTrials: d === null },
    included: d !== null && !fastResponder,
  };
}

const PROBE = 'human-iat-flowers-insects';
const code = (d: number | null, nonce: string, fast = 0, probe = PROBE) => encodeParticipantCode(score(d, fast), probe, nonce);

// The hand-worked participant of participantScore.test.ts: D = (√(27/13) + √2)/2.
const WORKED_D = (Math.sqrt(27 / 13) + Math.SQRT2) / 2;
const WORKED_ROWS = [
  [3, 600], [3, 800], [6, 900], [6, 1100],
  [4, 500], [4, 700], [4, 600], [7, 700], [7, 900], [7, 800],
] as const;
const pairingOf = (block: number) => (block <= 4 ? 'XA' : 'XB');
const workedCsvRows = (participant: string) => {
  const n = new Map<number, number>();
  return WORKED_ROWS.map(([block, ms]) => {
    n.set(block, (n.get(block) ?? 0) + 1);
    return `${participant},${block},${n.get(block)},Flowers,rose,${pairingOf(block)},1,${ms}`;
  });
};
const workedTrials = (participant: string) => {
  const n = new Map<number, number>();
  return WORKED_ROWS.map(([block, ms]) => {
    n.set(block, (n.get(block) ?? 0) + 1);
    return { participant, block, trial: n.get(block), category: 'Flowers', stimulus: 'rose', pairing: pairingOf(block), correct: 1, latencyMs: ms, errorCorrection: 'built-in' };
  });
};
const HEADER = 'participant,block,trial,category,stimulus,pairing,correct,latency_ms';

describe('pasted codes', () => {
  it('keeps the good lines, names the duplicate, lists the mistyped line with its number', () => {
    const a = code(0.5, 'a');
    const b = code(-0.2, 'b');
    const c = code(0.9, 'c');
    const typo = code(0.3, 'd').replace(/^(.)/, (ch) => (ch === 'X' ? 'Y' : 'X')); // first character misheard
    const text = [a, b.toLowerCase().replace(/-/g, ' '), '', a, typo, c].join('\n');
    const intake = intakeCodes(text);
    expect(intake.problems).toEqual([{ origin: 'line 5', message: 'The code does not check: a character is wrong or two are swapped. Ask for it again.' }]);
    const admission = admitToClass([], intake);
    expect(admission.added.map((e) => e.label)).toEqual([a, b, c]);
    expect(admission.duplicates).toEqual([{ origin: 'line 4', sameAs: a, why: 'same participant' }]);
    expect(admission.added.map((e) => e.result.d)).toEqual([0.5, -0.2, 0.9]);
    // Against scipy: x = [0.5, -0.2, 0.9]; mean, sd(ddof=1), t.ppf(0.975, 2)·sd/√3, ttest_1samp(x, 0).pvalue
    // (the interval to 1e-9: core's t quantile agrees with scipy's to about 5e-11 here)
    const summary = summarizeCollectedClass(admission.added);
    expect(summary.n).toBe(3);
    expect(summary.meanD).toBeCloseTo(0.4, 12);
    expect(summary.sdD).toBeCloseTo(0.5567764362830022, 12);
    expect(summary.ci?.low).toBeCloseTo(-0.9831093424365762, 9);
    expect(summary.ci?.high).toBeCloseTo(1.783109342436576, 9);
    expect(summary.pValue).toBeCloseTo(0.33942174092418376, 10);
  });

  it('the same participant given again later is a duplicate of the collected entry; a code for another test is refused', () => {
    const first = admitToClass([], intakeCodes(code(0.5, 'a'))).added;
    const again = admitToClass(first, intakeCodes([code(0.5, 'a'), code(0.1, 'z', 0, 'caliskan-weat-7')].join('\n')));
    expect(again.added).toEqual([]);
    expect(again.duplicates).toEqual([{ origin: 'line 1', sameAs: code(0.5, 'a'), why: 'same participant' }]);
    expect(again.problems).toEqual([{ origin: 'line 2', message: 'This result is for another test than the one this class has collected so far; start a new class to collect it.' }]);
  });

  it('counts fast responders and participants without a D as excluded, with the reason', () => {
    const entries = admitToClass([], intakeCodes([code(0.5, 'a'), code(0.7, 'b', 13), code(null, 'c'), code(0.1, 'd')].join('\n'))).added;
    const s = summarizeCollectedClass(entries);
    expect(s).toMatchObject({ participants: 4, n: 2, excluded: { fastResponder: 1, tooFewTrials: 1 } });
    expect(s.meanD).toBeCloseTo(0.3, 12);
  });
});

describe('files', () => {
  it('scores every participant of a trials CSV; the same trials under another name are a duplicate; a bad participant is listed alone', () => {
    const bad = ['p3,3,1,Flowers,rose,XA,1,600', 'p3,6,1,Flowers,rose,XA,1,900'];
    const csv = [HEADER, ...workedCsvRows('p1'), ...workedCsvRows('p2'), ...bad].join('\r\n');
    const intake = intakeFile('class.csv', csv);
    expect(intake.problems).toHaveLength(1);
    expect(intake.problems[0]!.origin).toBe('class.csv, participant p3');
    expect(intake.problems[0]!.message).toMatch(/blocks 3–4 and 6–7 must have opposite pairings/);
    const admission = admitToClass([], intake);
    expect(admission.added).toHaveLength(1);
    expect(admission.added[0]!.result.d).toBeCloseTo(WORKED_D, 12);
    expect(admission.duplicates).toEqual([{ origin: 'class.csv, participant p2', sameAs: 'class.csv, participant p1', why: 'same trials' }]);
  });

  it('an unreadable CSV is reported with its line', () => {
    const intake = intakeFile('broken.csv', [HEADER, 'p1,3,1,Flowers,rose,XA,1,fast'].join('\n'));
    expect(intake.items).toEqual([]);
    expect(intake.problems[0]!.origin).toBe('broken.csv');
    expect(intake.problems[0]!.message).toMatch(/line 2/);
  });

  it('a JSON result is scored from its trials and matches the same student\'s code (nonce) and trials file', () => {
    const json = JSON.stringify({ format: IAT_RESULT_FORMAT, probeId: PROBE, title: 'Flowers and insects', participant: 'p1', nonce: 'n-77', score: { d: 99 }, trials: workedTrials('p1') });
    const fromJson = intakeFile('p1.json', json);
    expect(fromJson.problems).toEqual([]);
    expect(fromJson.items[0]!.entry.result.d).toBeCloseTo(WORKED_D, 12); // not the stored 99
    expect(fromJson.items[0]!.entry.probeTitle).toBe('Flowers and insects');
    const collected = admitToClass([], intakeCodes(code(1.428, 'n-77'))).added;
    expect(admitToClass(collected, fromJson).duplicates).toEqual([{ origin: 'p1.json', sameAs: code(1.428, 'n-77'), why: 'same participant' }]);
    const fromCsv = admitToClass([], intakeFile('p1.csv', [HEADER, ...workedCsvRows('p1')].join('\n'))).added;
    expect(admitToClass(fromCsv, fromJson).duplicates).toEqual([{ origin: 'p1.json', sameAs: 'p1.csv, participant p1', why: 'same trials' }]);
  });

  it('refuses JSON that is not a result, and a result whose trials are not trial records', () => {
    expect(intakeFile('x.json', '{"format":"other"}').problems[0]!.message).toMatch(/not a human IAT result/);
    const broken = JSON.stringify({ format: IAT_RESULT_FORMAT, probeId: PROBE, participant: 'p1', trials: [{ block: 9 }] });
    expect(intakeFile('y.json', broken).problems[0]!.message).toMatch(/trial 1 of the result is not a trial record/);
  });
});

describe('the class CSV', () => {
  it('has one row per participant with D, the flags and the counts', () => {
    const entries = admitToClass([], intakeCodes([code(0.5, 'a'), code(null, 'c')].join('\n'))).added;
    expect(iatClassToCsv(entries).split('\r\n')).toEqual([
      'entry,source,d,included,fast_responder,too_few_trials,first_pairing,combined_trials,scored_trials,dropped_slow,fast_trials,errors',
      `${code(0.5, 'a')},code,0.5,1,0,0,XA,120,120,0,0,6`,
      `${code(null, 'c')},code,,0,0,1,XA,120,120,0,0,6`,
      '',
    ]);
  });
});

describe('the collection in IndexedDB', () => {
  const name = `iat-class-${Math.random()}`;
  beforeEach(() => {
    setDb(new WorkbenchDb(name));
    useIatClass.setState({ entries: [], loaded: false, lastAdmission: null });
  });
  afterAll(() => setDb(null));

  it('survives a reload, and a code given again after it is still a duplicate', async () => {
    const first = await useIatClass.getState().addCodes([code(0.5, 'a'), code(-0.25, 'b')].join('\n'));
    expect(first.added).toHaveLength(2);
    setDb(new WorkbenchDb(name)); // a reload: a new connection, an empty store
    useIatClass.setState({ entries: [], loaded: false, lastAdmission: null });
    await useIatClass.getState().load();
    expect(useIatClass.getState().entries.map((e) => e.result.d).sort()).toEqual([-0.25, 0.5]);
    const again = await useIatClass.getState().addCodes(code(0.5, 'a'));
    expect(again.added).toEqual([]);
    expect(again.duplicates[0]!.why).toBe('same participant');
    await useIatClass.getState().remove(useIatClass.getState().entries[0]!.id);
    await useIatClass.getState().clear();
    setDb(new WorkbenchDb(name));
    useIatClass.setState({ entries: [], loaded: false, lastAdmission: null });
    await useIatClass.getState().load();
    expect(useIatClass.getState().entries).toEqual([]);
  });

  it('opens a version-1 database (runs only) without losing its runs', async () => {
    const oldName = `iat-class-upgrade-${Math.random()}`;
    const old = new Dexie(oldName);
    old.version(1).stores({ runs: 'runId, finishedAt, probeId', probes: 'id, savedAt' });
    const r = weat1StoredRun('2026-11-22T10:00:00Z');
    await old.table('runs').put(r);
    old.close();
    setDb(new WorkbenchDb(oldName));
    expect((await listRuns()).map((x) => x.runId)).toEqual([r.runId]);
    await useIatClass.getState().addCodes(code(0.5, 'a'));
    await saveRun(weat1StoredRun('2026-11-22T11:00:00Z'));
    expect(useIatClass.getState().entries).toHaveLength(1);
  });
});
