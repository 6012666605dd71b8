// The browser's model-file hash against node:crypto on the same bytes: a small body (one buffer) and
// a body of unknown length (hashed as a stream, as files over 256 MB are), from a Response and a Blob.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lengthOf, sha256OfBody } from '../../../src/runtime/lm/bodyHash';

const bytes = Uint8Array.from({ length: 300_001 }, (_, i) => (i * 2654435761) >>> 24);
const expected = createHash('sha256').update(bytes).digest('hex');

describe('sha256OfBody', () => {
  it('equals node:crypto whole or streamed, for a Response and a Blob', async () => {
    expect(await sha256OfBody(new Response(bytes), bytes.length)).toBe(expected);
    expect(await sha256OfBody(new Response(bytes), null)).toBe(expected);
    expect(await sha256OfBody(new Blob([bytes]), bytes.length)).toBe(expected);
    expect(await sha256OfBody(new Blob([bytes]), null)).toBe(expected);
  });
  it('reads Content-Length, null when absent', () => {
    expect(lengthOf(new Response('x', { headers: { 'content-length': '12' } }))).toBe(12);
    expect(lengthOf(new Response(null))).toBeNull();
  });
});
