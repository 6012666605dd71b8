// The model's number beside a class's IAT: the newest stored run holding a human IAT result (either
// family) on the test the class's codes name, by their probe tag; other families' results, other
// tests and older runs are passed over, and a class naming no test or two tests gets none.
import { describe, expect, it } from 'vitest';
import { probeTag } from '../../src/core/iat/participantCode';
import { classProbeTag, modelBesideClass } from '../../src/state/iatClassModel';

const stimuli = { X: { label: 'Flowers', words: ['rose'] }, Y: { label: 'Insects', words: ['ant'] }, A: { label: 'Pleasant', words: ['joy'] }, B: { label: 'Unpleasant', words: ['pain'] } };
const design = { blockLengths: [20, 20, 20, 40, 40, 20, 40], firstPairing: 'counterbalanced', seed: 1 };
const iatResult = (kind: string, probeId: string, effectSize: number, pValue: number) => ({ kind, probeId, title: `IAT ${probeId}`, effectSize, pValue, design, stimuli });
const run = (runId: string, finishedAt: string, modelId: string, results: Record<string, unknown>[]) => ({ runId, finishedAt, model: { id: modelId }, results }) as never;

describe('the model beside a class', () => {
  const tagOf1 = probeTag('iat-one');
  it('takes the newest run of a human IAT result on the class’s test, either measure', () => {
    expect(probeTag('iat-two')).not.toBe(tagOf1);
    const entries = [{ probeTag: tagOf1 }, { probeTag: null }, { probeTag: tagOf1 }];
    const older = run('r1', '2026-12-01T10:00:00.000Z', 'workbench/tiny-gpt2', [iatResult('human-iat-lm', 'iat-one', 0.3, 0.2)]);
    const newerOther = run('r2', '2026-12-02T10:00:00.000Z', 'glove-6b-100d', [
      { kind: 'weat', probeId: 'iat-one', effectSize: 1.9, pValue: 0.001 },
      iatResult('human-iat', 'iat-two', 1.1, 0.01),
    ]);
    expect(modelBesideClass(entries, [newerOther, older])).toMatchObject({ runId: 'r1', probeId: 'iat-one', d: 0.3, pValue: 0.2, measure: 'lm-iat', modelId: 'workbench/tiny-gpt2' });
    const newest = run('r3', '2026-12-03T10:00:00.000Z', 'glove-6b-100d', [iatResult('human-iat', 'iat-one', Number.NaN, 1)]);
    expect(modelBesideClass(entries, [older, newest, newerOther])).toMatchObject({ runId: 'r3', d: null, measure: 'weat', modelId: 'glove-6b-100d' });
  });

  it('gives none when the class names no test, two tests, or no run matches', () => {
    const runs = [run('r1', '2026-12-01T10:00:00.000Z', 'm', [iatResult('human-iat', 'iat-one', 0.3, 0.2)])];
    expect(classProbeTag([{ probeTag: null }])).toBeNull();
    expect(modelBesideClass([{ probeTag: null }], runs)).toBeNull();
    expect(modelBesideClass([{ probeTag: tagOf1 }, { probeTag: probeTag('iat-two') }], runs)).toBeNull();
    expect(modelBesideClass([{ probeTag: probeTag('iat-two') }], runs)).toBeNull();
  });
});
