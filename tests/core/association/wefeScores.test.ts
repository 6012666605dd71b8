// The WEFE metrics an association result carries, against the numpy/WEFE reference fixtures: MAC now
// comes from the test's cosine matrices, so it is checked on the result, not only on the literal
// definition (stats/wefe/mac.ts, checked in tests/core/reference.test.ts).
import { describe, expect, it } from 'vitest';
import { runAssociationTest } from '../../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../../src/core/association/types';
import { inputFromFixture, loadCaseFixtures } from '../helpers';

describe('WEFE metrics on an association result', () => {
  it.each(loadCaseFixtures().map((f) => [f.name, f] as const))('%s: MAC of X and of Y equal the reference to 1e-9', (_, fixture) => {
    const result = runAssociationTest(inputFromFixture(fixture), { ...DEFAULT_ASSOCIATION_OPTIONS, permutations: 10, bootstrap: 0 });
    expect(Math.abs(result.wefe!.mac.X - fixture.wefe.mac.X)).toBeLessThan(1e-9);
    expect(Math.abs(result.wefe!.mac.Y - fixture.wefe.mac.Y)).toBeLessThan(1e-9);
  });
});
