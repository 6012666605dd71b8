// The shape of a probe file: one probe, a list, or {format, probes}; what a user would not mean is
// refused before any probe is checked. Probes here are plain objects: the schema is not this
// file's business.
import { describe, expect, it } from 'vitest';
import { ProbeValidationError } from '../../../src/core/errors';
import { MAX_PROBES_PER_FILE, probeFileEntries, refuseDuplicateIds } from '../../../src/core/input/probeCollection';

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProbeValidationError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('probeFileEntries', () => {
  it('reads the three shapes, in file order, a BOM ignored', () => {
    expect(probeFileEntries('{"id":"a"}')).toEqual([{ id: 'a' }]);
    expect(probeFileEntries('\uFEFF[{"id":"a"},{"id":"b"}]')).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(probeFileEntries('{"format":"bias-workbench-probe@1","probes":[{"id":"b"},{"id":"a"}]}')).toEqual([{ id: 'b' }, { id: 'a' }]);
    expect(probeFileEntries('{"probes":[{"id":"a"}]}')).toEqual([{ id: 'a' }]);
  });
  it('refuses empty collections, saying what a probe file holds', () => {
    expect(refusal(() => probeFileEntries('[]'))).toMatch(/^The probe file holds an empty list of probes: nothing would run\. Add at least one probe; a probe file holds one probe/);
    expect(refusal(() => probeFileEntries('{"probes": []}'))).toMatch(/empty list of probes/);
  });
  it('refuses a file of another format, a non-list "probes" and a JSON scalar', () => {
    expect(refusal(() => probeFileEntries('{"format":"bias-workbench-run@2","probes":[{"id":"a"}]}'))).toMatch(/^The probe file is “bias-workbench-run@2”, not a probe file/);
    expect(refusal(() => probeFileEntries('{"probes":{"id":"a"}}'))).toMatch(/"probes" must be a list of probes/);
    expect(refusal(() => probeFileEntries('42'))).toMatch(/^The probe file holds number;/);
    expect(refusal(() => probeFileEntries('null'))).toMatch(/^The probe file holds null;/);
  });
  it('locates a JSON syntax error by line and column', () => {
    expect(refusal(() => probeFileEntries('{\n  "id": "a",\n  oops\n}'))).toMatch(/^The probe file is not valid JSON at line 3, column 3: /);
  });
  it('refuses more probes than one file may hold', () => {
    const many = JSON.stringify(Array.from({ length: MAX_PROBES_PER_FILE + 1 }, (_, i) => ({ id: `p${i}` })));
    expect(refusal(() => probeFileEntries(many))).toBe('The probe file holds 1,001 probes; the limit is 1,000 per file. Split it into several files.');
    expect(probeFileEntries(JSON.stringify(Array.from({ length: MAX_PROBES_PER_FILE }, (_, i) => ({ id: `p${i}` }))))).toHaveLength(1000);
  });
});

describe('refuseDuplicateIds', () => {
  it('names the id and both positions', () => {
    expect(refusal(() => refuseDuplicateIds([{ id: 'a' }, { id: 'b' }, { id: 'a' }]))).toBe(
      'The probe file has two probes with the id “a” (probes 1 and 3): every probe in a file needs its own id. Rename one of them.',
    );
    expect(() => refuseDuplicateIds([{ id: 'a' }, { id: 'b' }])).not.toThrow();
  });
});
