// A stored run record is summarised as it was when it was made: every reference run, read back from
// its JSON through the record schema (where an undefined statistic is null, JSON having no NaN), gives
// each result's family a headline without throwing, and never prints "NaN" or "null" in it; a
// prompt-based result with no readable answer says so in place of its number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { familyOf } from '../../src/probes/families';
import { parseRunRecord } from '../../src/probes/runRecordSchema';

const REFERENCE = join(import.meta.dirname, '..', 'fixtures', 'reference-runs');
const index = JSON.parse(readFileSync(join(REFERENCE, 'index.json'), 'utf8')) as { runs: { file: string }[] };
const read = (file: string) => parseRunRecord(JSON.parse(readFileSync(join(REFERENCE, `${file}.json`), 'utf8')));

describe('stored records summarise after a JSON round trip', () => {
  it.each(index.runs.map((r) => [r.file]))('%s', (file) => {
    for (const result of read(file).results) {
      const summary = familyOf((result as { kind: string }).kind).summarize(result as never);
      expect(`${summary.headline.shown} ${summary.headline.text} ${summary.reading}`).not.toMatch(/NaN|null|undefined/);
    }
  });

  it('the prompt-based IAT with no readable answer on the tiny GPT-2: no number, the reason instead', () => {
    const result = read('workbench_tiny-gpt2/lm-instruction').results.find((r) => (r as { kind: string }).kind === 'llm-iat-prompt')!;
    const summary = familyOf('llm-iat-prompt').summarize(result as never);
    expect([summary.headline.shown, summary.significance]).toEqual(['—', null]);
    expect(summary.headline.noResult).toMatch(/answer/);
  });
});
