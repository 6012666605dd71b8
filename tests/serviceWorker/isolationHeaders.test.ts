import { describe, expect, it } from 'vitest';
import { withIsolationHeaders } from '../../src/serviceWorker/isolationHeaders';

describe('withIsolationHeaders', () => {
  it('adds COOP, COEP and CORP and keeps status, body and the other headers', async () => {
    const original = new Response('abc', { status: 203, statusText: 'Partial', headers: { 'Content-Type': 'text/plain', 'Cross-Origin-Embedder-Policy': 'unsafe-none' } });
    const out = withIsolationHeaders(original);
    expect(out.status).toBe(203);
    expect(out.statusText).toBe('Partial');
    expect(out.headers.get('content-type')).toBe('text/plain');
    expect(out.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(out.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(out.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await out.text()).toBe('abc');
  });

  it('passes an opaque response (status 0) through unchanged: it cannot be rebuilt', () => {
    const opaque = Response.error();
    expect(opaque.status).toBe(0);
    expect(withIsolationHeaders(opaque)).toBe(opaque);
  });

  it('keeps a body-less status valid', () => {
    const out = withIsolationHeaders(new Response(null, { status: 304 }));
    expect(out.status).toBe(304);
    expect(out.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });
});
