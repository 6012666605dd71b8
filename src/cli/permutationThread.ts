// A second thread for the CLI's permutation tests (core/stats/permutationOffload.ts), so that an
// association test's permutations and bootstrap run on two cores at once. The core's calls are
// synchronous, so the main thread does not await: it posts the job, computes the bootstrap, then
// blocks on a shared counter (Atomics.wait) and takes the answer from the port directly
// (receiveMessageOnPort). The worker starts in the background; until it listens, and while it holds
// a test, tests run on the main thread, so a short run never waits for it. The thread is unref'd:
// it never keeps the process alive.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { setPermutationStarter, type PermutationStarter } from '../core/stats/permutationOffload';
import { permutationTest } from '../core/stats/permutationTest';
import { ANSWERED, READY, type PermutationAnswer, type PermutationJob } from './permutationProtocol';

/** How long one wait for the worker's answer sleeps before it looks again (ms). */
const WAIT_SLICE_MS = 50;

export interface PermutationThread {
  starter: PermutationStarter;
  /** Ends the worker (a run that ends normally need not: the thread does not hold the process). */
  close(): Promise<void>;
}

/**
 * Starts the worker from its bundled source (bin/cliBundle.mjs builds it); null on a machine with
 * one core, where a second thread would only take turns with the first.
 */
export function startPermutationThread(workerSource: string, cores = availableParallelism()): PermutationThread | null {
  if (cores < 2) return null;
  const signal = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerSource, { eval: true, workerData: { port: port2, signal }, transferList: [port2] });
  worker.unref();
  port1.unref();
  let posted = 0;
  let busy = false;
  const starter: PermutationStarter = (scores, sizeX, options) => {
    if (busy || Atomics.load(signal, READY) !== 1) return null;
    busy = true;
    const job: PermutationJob = { scores, sizeX, options };
    port1.postMessage(job);
    const answerNumber = ++posted;
    let answer: PermutationAnswer | undefined;
    return () => {
      while (!answer) {
        const answered = Atomics.load(signal, ANSWERED);
        const message = answered >= answerNumber ? (receiveMessageOnPort(port1) as { message: PermutationAnswer } | undefined) : undefined;
        if (message) answer = message.message;
        else Atomics.wait(signal, ANSWERED, answered, WAIT_SLICE_MS);
      }
      busy = false;
      return 'result' in answer ? answer.result : permutationTest(scores, sizeX, options);
    };
  };
  return { starter, close: async () => void (await worker.terminate()) };
}

/**
 * Hands the permutation tests of this process to a second thread (setPermutationStarter), when the
 * CLI runs bundled (the worker's source is embedded there) on more than one core; null otherwise.
 */
export async function offloadPermutations(): Promise<PermutationThread | null> {
  const source = await import('virtual:permutation-worker').then(
    (m: { default: string }) => m.default,
    () => null,
  );
  const thread = source ? startPermutationThread(source) : null;
  setPermutationStarter(thread?.starter ?? null);
  return thread;
}
