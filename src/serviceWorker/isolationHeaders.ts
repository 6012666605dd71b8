// Cross-origin isolation for hosts that cannot send headers: the service worker re-serves every
// same-origin response with COOP/COEP (and CORP, so the page may embed what it serves itself), which
// makes the page `crossOriginIsolated` and lets ONNX Runtime Web run more than one WASM thread. The
// rule is the one of coi-serviceworker (Guido Zuidhof, MIT, github.com/gzuidhof/coi-serviceworker):
// opaque responses (status 0) cannot be rebuilt and pass through unchanged; everything else is copied
// with the three headers set. Kept free of the Service Worker API so tests can check it in Node.

/** The headers a cross-origin-isolated page needs; the same values `npm start` sends (securityPolicy.ts). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/** The response as the page should see it: the same body and status, with the isolation headers. */
export function withIsolationHeaders(response: Response): Response {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
