// ONNX Runtime Web's WebGPU build (one asyncify wasm module per thread) takes one call at a time:
// a second InferenceSession.create while one is under way is refused ("another WebGPU EP inference
// session is being created"), and a session created while another session's run is waiting on the
// GPU corrupts the module's memory ("memory access out of bounds"; the load then never settles).
// One thread does start such work side by side — the model worker reloading the word vectors on
// WebGPU while a language model loads and warms up, or the backend's warm-up beside a load — so
// every WebGPU session creation, run and release in a thread (ours and transformers.js's) goes
// through this queue, one after another. Work queued here must not queue more work here and wait.
let tail: Promise<unknown> = Promise.resolve();

/** Run `work` once all WebGPU work queued before it has settled; its result or error is passed through. */
export function oneWebGpuCallAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}

/** `fn` with each call queued through oneWebGpuCallAtATime. */
export function webGpuExclusive<A extends unknown[], T>(fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return (...args) => oneWebGpuCallAtATime(() => fn(...args));
}
