// What the CLI's main thread and its permutation worker (permutationThread.ts, permutationWorker.ts)
// exchange: a job, its answer, and the slots of the shared Int32Array that say the worker is ready
// and how many answers it has posted.
import type { OffloadedPermutationOptions } from '../core/stats/permutationOffload';
import type { PermutationTestResult } from '../core/stats/permutationTest';

export interface PermutationJob {
  scores: Float64Array;
  sizeX: number;
  options: OffloadedPermutationOptions;
}

/** A failed test is run again on the main thread, which throws the error itself. */
export type PermutationAnswer = { result: PermutationTestResult } | { failed: true };

/** Slot set to 1 once the worker listens. */
export const READY = 0;
/** Slot counting the answers posted. */
export const ANSWERED = 1;
