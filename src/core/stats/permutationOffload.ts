// Where a permutation test runs. An association test's two costly parts, the permutation test and
// the bootstrap, are independent and of about equal size on the SEAT sets, so a platform with a
// second core (the CLI: a worker thread) can take the permutation test while the caller bootstraps.
// Core stays pure: the platform registers a starter; without one, or when it declines, the test runs
// here. A test's result depends only on its inputs and seed, so where it ran never moves a number.
import { permutationTest, type PermutationTestOptions, type PermutationTestResult } from './permutationTest';

/** What a starter is handed: the options without the progress callback (it cannot cross threads). */
export type OffloadedPermutationOptions = Omit<PermutationTestOptions, 'onProgress'>;

/**
 * Starts a permutation test elsewhere and returns how to wait for its result (which throws what
 * permutationTest would), or returns null to leave the test to this thread.
 */
export type PermutationStarter = (scores: Float64Array, sizeX: number, options: OffloadedPermutationOptions) => (() => PermutationTestResult) | null;

let starter: PermutationStarter | null = null;

/** Registers the platform's starter (null: every test runs on the calling thread). */
export function setPermutationStarter(next: PermutationStarter | null): void {
  starter = next;
}

/**
 * permutationTest, started where the registered starter puts it; call the returned function for the
 * result. A test that runs here reports progress; one that runs elsewhere does not.
 */
export function startPermutationTest(scores: Float64Array, sizeX: number, options: PermutationTestOptions): () => PermutationTestResult {
  const { onProgress: _onProgress, ...offloaded } = options;
  const elsewhere = starter?.(scores, sizeX, offloaded) ?? null;
  if (elsewhere) return elsewhere;
  const result = permutationTest(scores, sizeX, options);
  return () => result;
}
