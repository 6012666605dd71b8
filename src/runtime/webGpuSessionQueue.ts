// ONNX Runtime Web's WebGPU backend builds one session at a time: a second InferenceSession.create
// while another is under way fails with "another WebGPU EP inference session is being created". One
// thread can start two at once — the model worker reloading the word vectors on WebGPU while a
// language model loads, or the backend's warm-up beside a load — so every WebGPU session creation in
// a thread (ours and transformers.js's from_pretrained) goes through this queue, one after another.
let tail: Promise<unknown> = Promise.resolve();

/** Run `create` once every WebGPU session creation queued before it has settled; its result or error is passed through. */
export function oneWebGpuSessionAtATime<T>(create: () => Promise<T>): Promise<T> {
  const run = tail.then(create, create);
  tail = run.catch(() => undefined);
  return run;
}
