// The human IAT's trials CSV (src/probes/import/iatTrialsCsv.ts): the reader refuses every row it
// cannot score, naming the physical line (a quoted stimulus spanning two lines moves the count), and
// the writer's file reads back to the same trials, formula-guarded text included.
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/core/errors';
import type { IatTrial } from '../../src/core/iat';
import { iatTrialsToCsv, parseIatTrialsCsv } from '../../src/probes/import/iatTrialsCsv';

const HEADER = 'participant,block,trial,category,stimulus,pairing,correct,latency_ms';

const errorOf = (text: string): string => {
  try {
    parseIatTrialsCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return (e as Error).message;
  }
  throw new Error('expected a ParseError');
};

describe('parseIatTrialsCsv', () => {
  it('reads the columns in any order, a BOM, quoted fields and blank lines', () => {
    const text = `\uFEFFlatency_ms,participant,block,trial,category,stimulus,pairing,correct\r\n612.5,"Doe, J",3,1,Flowers,rose,xa,1\r\n\r\n701,"Doe, J",1,1,Insects,"a ""moth""",,0\r\n`;
    expect(parseIatTrialsCsv(text)).toEqual([
      { participant: 'Doe, J', block: 3, trial: 1, category: 'Flowers', stimulus: 'rose', pairing: 'XA', correct: 1, latencyMs: 612.5 },
      { participant: 'Doe, J', block: 1, trial: 1, category: 'Insects', stimulus: 'a "moth"', pairing: '', correct: 0, latencyMs: 701 },
    ]);
  });

  it('reads error_correction when the file has it', () => {
    const trials = parseIatTrialsCsv(`${HEADER},error_correction\np,3,1,F,rose,XB,0,450,none\n`);
    expect(trials[0]).toMatchObject({ pairing: 'XB', correct: 0, errorCorrection: 'none' });
  });

  it('names every bad row by its physical line and reason, counting a stimulus that spans two lines', () => {
    const text = [
      HEADER,
      'p,3,1,F,"two',
      'lines",XA,1,600', // line 2–3: good
      'p,8,1,F,rose,XA,1,600', // line 4
      'p,1,2,F,rose,XA,1,600', // line 5: pairing outside a combined block
      'p,3,2,F,rose,,1,600', // line 6: no pairing in a combined block
      'p,3,3,F,rose,XA,yes,1e3', // line 7
      'p,3,1,F,rose,XA,1,650', // line 8: repeats trial 1 of block 3
      'p,3,4,F,rose,XB,1,650', // line 9: block 3 was XA at line 2
      'p,4,1,F,rose,XA,1', // line 10
    ].join('\n');
    const message = errorOf(text);
    expect(message).toMatch(/^7 rows of the trials file cannot be scored\. /);
    expect(message).toContain("CSV line 4: block must be a whole number from 1 to 7, got '8'. CSV line 5");
    expect(message).toContain("CSV line 5: pairing must be empty in block 1");
    expect(message).toContain("CSV line 6: pairing must be XA or XB in block 3, got ''");
    expect(message).toContain("CSV line 7: correct must be 1 or 0, got 'yes'; latency_ms must be a number of milliseconds ≥ 0 in plain decimals, got '1e3'");
    expect(message).toContain('CSV line 8: participant p, block 3: trial 1 appears twice');
    expect(message).toContain("appears twice. … and 2 more bad rows.");
    const tail = errorOf([HEADER, 'p,3,1,F,rose,XA,1,600', 'p,3,4,F,rose,XB,1,650', 'p,4,1,F,rose,XA,1'].join('\n'));
    expect(tail).toContain('CSV line 3: participant p, block 3: pairing XB, but line 2 gives this block XA');
    expect(tail).toContain('CSV line 4: the row has 7 fields, the header 8');
  });

  it('refuses a header with a missing or unknown column, and an empty file', () => {
    expect(errorOf('participant,block,trial,category,stimulus,pairing,correct,latency,rt\n')).toBe(
      "CSV line 1: the header has no column latency_ms and unknown columns 'latency', 'rt'; a trials file has participant,block,trial,category,stimulus,pairing,correct,latency_ms (and optionally error_correction).",
    );
    expect(errorOf('\n\n')).toBe('The trials file is empty.');
    expect(errorOf(`${HEADER}\n`)).toBe('The trials file has a header but no trials.');
    expect(errorOf(`${HEADER},error_correction\np,3,1,F,rose,XB,0,450,maybe\n`)).toContain("error_correction must be built-in or none, got 'maybe'");
  });
});

describe('iatTrialsToCsv', () => {
  const trials: IatTrial[] = [
    { participant: 'Doe, J', block: 3, trial: 1, category: 'Flowers', stimulus: '-ism', pairing: 'XA', correct: 1, latencyMs: 612.4000000000233 },
    { participant: 'Doe, J', block: 5, trial: 2, category: 'Insects', stimulus: '=SUM(A1)', pairing: '', correct: 0, latencyMs: 0 },
  ];

  it('writes the eight columns, quotes what needs quoting, guards formula-like text, and reads back the same trials', () => {
    const csv = iatTrialsToCsv(trials);
    expect(csv).toBe(`${HEADER}\r\n"Doe, J",3,1,Flowers,'-ism,XA,1,612.4000000000233\r\n"Doe, J",5,2,Insects,'=SUM(A1),,0,0\r\n`);
    expect(parseIatTrialsCsv(csv)).toEqual(trials);
  });

  it('adds error_correction only when some trial was recorded without forced correction', () => {
    const mixed: IatTrial[] = [{ ...trials[0]!, errorCorrection: 'none' }, { ...trials[1]!, participant: 'q' }];
    const csv = iatTrialsToCsv(mixed);
    expect(csv.split('\r\n')[0]).toBe(`${HEADER},error_correction`);
    expect(parseIatTrialsCsv(csv)).toEqual([mixed[0], { ...mixed[1], errorCorrection: 'built-in' }]);
  });
});
