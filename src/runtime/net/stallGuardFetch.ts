// A fetch that gives up when a download stops sending data, so a model load fails with a message and
// a Retry instead of a progress bar that never moves.
//
// Why: a connection that drops silently (Wi-Fi hand-over, a proxy, a sleeping laptop) leaves fetch
// waiting forever, and transformers.js has no timeout of its own. The clock runs only while somebody
// is waiting for bytes — the response headers, or a read of the body — so a slow consumer (parsing,
// hashing) never counts as a stall; it restarts with every chunk, so a slow but live download of a
// large model is never cut off.
import { ModelLoadError } from '../../core/errors';
import type { FetchLike } from './lazyBodyFetch';

const DEFAULT_STALL_MS = 30_000;

export function stallGuardFetch(fetchFn: FetchLike, stallMs = DEFAULT_STALL_MS): FetchLike {
  return async (input, init) => {
    const controller = new AbortController();
    const stalled = () =>
      new ModelLoadError(`No data arrived from ${String(input)} for ${Math.round(stallMs / 1000)} s: the connection stalled. Retry, or check the network.`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(stalled()), stallMs);
    };
    const disarm = () => clearTimeout(timer);
    const outer = init?.signal;
    if (outer) {
      if (outer.aborted) controller.abort(outer.reason);
      else outer.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    }
    const reason = (e: unknown) => (controller.signal.aborted ? controller.signal.reason : e);

    arm();
    let res: Response;
    try {
      res = await fetchFn(input, { ...init, signal: controller.signal });
    } catch (e) {
      throw reason(e);
    } finally {
      disarm();
    }
    if (!res.body) return res;
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(c) {
          arm();
          try {
            const { done, value } = await reader.read();
            if (done) c.close();
            else c.enqueue(value);
          } catch (e) {
            c.error(reason(e));
          } finally {
            disarm();
          }
        },
        cancel(why) {
          disarm();
          return reader.cancel(why);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
