// A fetch for the app's own model files that sends HEAD first and starts the GET only when somebody
// reads the body.
//
// Why: before loading a model, transformers.js asks for each file's size (for its overall progress
// bar). For a "local" model — ours are served from the app's own origin — it does that with a plain
// GET of the whole file and reads only the headers; the body is never read nor cancelled. In
// Chromium the HTTP cache then holds a half-written entry for the 13 MB model.onnx, and the real
// download that follows joins that stalled writer: it waits until garbage collection cancels the
// first response (seen as net::ERR_CACHE_WRITE_FAILURE). In an idle worker that can take minutes or
// never happen, so the load hangs with no error, or the joined download fails with a network error.
// With this wrapper a look at the headers costs one HEAD and downloads nothing.
//
// Only plain GETs are deferred: Range requests and other methods pass through, and a server that
// refuses HEAD (405/501) gets the plain GET.
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Statuses whose Response may not carry a body: pass them through as a real GET would. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function lazyBodyFetch(fetchFn: FetchLike): FetchLike {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET' || new Headers(init?.headers).has('range')) return fetchFn(input, init);
    const head = await fetchFn(input, { ...init, method: 'HEAD' });
    if (head.status === 405 || head.status === 501 || NULL_BODY.has(head.status)) return fetchFn(input, init);
    // Read the (empty) body so the HEAD completes; an unread one is reported as net::ERR_ABORTED.
    await head.arrayBuffer();
    const meta = { status: head.status, statusText: head.statusText, headers: head.headers };
    if (!head.ok) return new Response(null, meta);
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!reader) {
          const res = await fetchFn(input, init);
          if (!res.ok || !res.body) {
            controller.error(new Error(`${String(input)}: the download answered ${res.status} ${res.statusText} after its HEAD answered ${head.status}.`));
            return;
          }
          reader = res.body.getReader();
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader?.cancel(reason);
      },
      // 0, not the default 1: otherwise the stream pulls (and downloads) as soon as it exists.
    }, { highWaterMark: 0 });
    return new Response(body, meta);
  };
}
