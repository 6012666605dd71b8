// The worker thread of permutationThread.ts. It runs the permutation tests the CLI's main thread
// hands it, one at a time, and answers on the same port; then it bumps a counter in shared memory
// and wakes the main thread, which waits on that counter (Atomics.wait) instead of running its event
// loop. Bundled on its own (bin/cliBundle.mjs), so a thread starts without loading the whole CLI.
import { workerData, type MessagePort } from 'node:worker_threads';
import { permutationTest } from '../core/stats/permutationTest';
import { ANSWERED, READY, type PermutationAnswer, type PermutationJob } from './permutationProtocol';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

port.on('message', (job: PermutationJob) => {
  let answer: PermutationAnswer;
  try {
    answer = { result: permutationTest(job.scores, job.sizeX, job.options) };
  } catch {
    answer = { failed: true };
  }
  port.postMessage(answer);
  Atomics.add(signal, ANSWERED, 1);
  Atomics.notify(signal, ANSWERED);
});
Atomics.store(signal, READY, 1);
