// The class lab's two families through the one run path, without a model: the scoring worker's
// model-free path carries the live loss curve (every epoch, and the last message's curve is the
// result's), cancel stops training, stored results re-open, the JSON editor takes the presets, and
// the loss-tail chart rebuilds the fitted model from the stored parameters (checked on a normal
// fit against Φ(−1) = 0.15865525393145707, scipy.stats.norm.cdf(-1): −log₂ Φ(−1) = 2.656032797424106).
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { CancelledError } from '../../src/core/errors';
import type { InductiveBiasResult } from '../../src/core/inductiveBias/inductiveBiasLabResult';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import type { SimplicityLmsResult } from '../../src/core/simplicity/lmsLabResult';
import { getAnyBuiltinProbe } from '../../src/probes/builtin';
import { anyResultSchema, familyOf } from '../../src/probes/families';
import { lossCurvePoints } from '../../src/probes/families/inductive-bias/lossCurves';
import type { SimplicityLmsProbe } from '../../src/probes/families/simplicity-lms/schema';
import { ridesOnLinear } from '../../src/probes/families/simplicity-lms/summary';
import { validateLmDraft } from '../../src/probes/import/lmImport';
import { runProbes } from '../../src/probes/runProbes';
import { progressText } from '../../src/state/progressText';
import { runModality } from '../../src/state/runRecord';
import { createScoringApi } from '../../src/worker/scoringApi';
import type { RunProgress } from '../../src/worker/scoringProtocol';

const lesson = getAnyBuiltinProbe('lesson-simplicity-lms') as SimplicityLmsProbe;
/** The lesson made small: 300 examples, 4 epochs (the test is of the wiring, not the paper). */
const small: SimplicityLmsProbe = { ...lesson, data: { ...lesson.data, trainSize: 300, testSize: 200 }, training: { ...lesson.training, epochs: 4 } };

describe('class lab families', () => {
  it('the scoring worker runs a lab probe with no model port; each epoch’s progress carries the curve so far, ending in the result’s', async () => {
    const seen: RunProgress[] = [];
    let clock = 0;
    // A clock that moves 100 ms per reading: the throttle lets every message through.
    const api = createScoringApi(() => (clock += 100));
    const [result] = (await api.run([small], { ...DEFAULT_LM_RUN_OPTIONS, seed: 7 }, null, Comlink.proxy((p: RunProgress) => void seen.push(p)))) as SimplicityLmsResult[];
    const lab = seen.filter((p): p is Extract<RunProgress, { stage: 'lab' }> => p.stage === 'lab');
    expect(lab.map((p) => p.lossCurve?.length)).toEqual([1, 2, 3, 4]);
    expect(lab.map((p) => [p.step, p.done, p.total, p.test, p.tests])).toEqual([1, 2, 3, 4].map((d) => ['training', d, 4, 1, 1]));
    expect(lab.at(-1)!.lossCurve).toEqual(result!.lossCurve);
    expect(progressText(lab[1]!)).toBe('training epoch 2 / 4');
    expect(seen.at(-1)).toEqual({ stage: 'finishing' });
  });

  it('an aborted signal stops training at the next epoch with CancelledError', async () => {
    const controller = new AbortController();
    const epochs: number[] = [];
    const run = runProbes([small], {
      options: { ...DEFAULT_ASSOCIATION_OPTIONS },
      signal: controller.signal,
      onProgress: (p) => {
        epochs.push(p.done);
        if (p.done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(epochs).toEqual([1, 2]);
  });

  it('a stored result of each family re-opens (the run-record validator takes its JSON), and a run of lab probes names no model', async () => {
    const ib = getAnyBuiltinProbe('lesson-inductive-bias')!;
    const smallIb = { ...ib, hypotheses: 30 } as typeof ib;
    const results = await runProbes([small, smallIb], { options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 2 } });
    for (const r of results) expect(anyResultSchema.safeParse(JSON.parse(JSON.stringify(r))).success).toBe(true);
    expect(runModality({ probes: [small, smallIb] })).toBe('none');
    expect(runModality({ probes: [small, getAnyBuiltinProbe('caliskan-weat-1')!] })).toBe('vectors');
    const ibResult = results[1] as InductiveBiasResult;
    expect(ibResult.classes.map((c) => c.losses.length)).toEqual([30, 30]);
  });

  it('the JSON editor takes both presets as they are', () => {
    for (const id of ['lesson-simplicity-lms', 'lesson-inductive-bias']) {
      const v = validateLmDraft(JSON.stringify(getAnyBuiltinProbe(id)));
      expect(v.errors).toBe(0);
      expect(v.probe?.id).toBe(id);
    }
  });

  it('the paper’s criterion at its edges: linear randomised ≤ 0.6 and slabs randomised ≥ 0.9 × clean', () => {
    const at = (linear: number, slabs: number, clean: number) => ridesOnLinear({ linearRandomisedAccuracy: linear, slabsRandomisedAccuracy: slabs, cleanAccuracy: clean } as SimplicityLmsResult);
    expect(at(0.6, 0.9, 1)).toBe(true);
    expect(at(0.601, 0.9, 1)).toBe(false);
    expect(at(0.5, 0.899, 1)).toBe(false);
    expect(at(0.5, 0.45, 0.5)).toBe(true);
  });

  it('the loss-tail chart rebuilds a normal fit from its stored parameters: at loss 0.5 with mean 1, sd 0.5, −log₂ Φ(−1)', () => {
    const c = {
      label: 'c',
      hypothesisClass: { kind: 'random-features' as const, width: 1, bandwidth: 1 },
      losses: [0.5, 0.9, 1.2],
      estimate: { target: 0.5, samples: 3, model: 'normal' as const, parameters: { mean: 1, sd: 0.5 }, logLikelihood: 0, bits: 0, fitInterval: null, empirical: { reaching: 1, bits: null, interval: { level: 0.95, low: 0, high: null }, modelAgrees: null } },
    };
    const { empirical, fitted } = lossCurvePoints(c, 0.5);
    // The grid ends at the largest of the target and the losses.
    const last = fitted.at(-1)!;
    expect(last.loss).toBeCloseTo(1.2, 12);
    const atTarget = lossCurvePoints({ ...c, losses: [0.2, 0.5] }, 0.5).fitted.at(-1)!;
    expect(atTarget.loss).toBeCloseTo(0.5, 12);
    expect(atTarget.bits).toBeCloseTo(2.656032797424106, 9);
    // Empirical: the sorted losses against −log₂(rank / n).
    expect(empirical).toEqual([
      { loss: 0.5, bits: -Math.log2(1 / 3) },
      { loss: 0.9, bits: -Math.log2(2 / 3) },
      { loss: 1.2, bits: -0 },
    ]);
  });

  it('both families load nothing', () => {
    expect(familyOf('simplicity-lms').modality).toBe('none');
    expect(familyOf('inductive-bias').modality).toBe('none');
  });
});
