// stallGuardFetch against a real HTTP server on 127.0.0.1: a server that never answers, or stops
// sending mid-body, fails with a named ModelLoadError after the stall time; a slow but live download
// and a slow reader are never cut off; with lazyBodyFetch inside, a look at the headers stays cheap.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../../src/core/errors';
import { lazyBodyFetch } from '../../../src/runtime/net/lazyBodyFetch';
import { stallGuardFetch } from '../../../src/runtime/net/stallGuardFetch';

const STALL_MS = 1000; // ten times the gap between live chunks, so a busy CI machine cannot fake a stall
const CHUNK = Buffer.alloc(1000, 7);
let server: Server;
let base: string;
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    if (req.url === '/no-answer') return; // headers never come
    res.writeHead(200, { 'content-length': String(CHUNK.length * 10) });
    if (req.method === 'HEAD') return void res.end();
    if (req.url === '/stops') return void res.write(CHUNK); // one chunk, then silence
    // /slow: ten chunks, one every 100 ms (well under the stall time each)
    let sent = 0;
    const tick = setInterval(() => {
      res.write(CHUNK);
      if (++sent === 10) {
        clearInterval(tick);
        res.end();
      }
    }, 100);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const res of open) res.destroy();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const guarded = stallGuardFetch((input, init) => fetch(input, init), STALL_MS);

describe('stallGuardFetch', () => {
  it('no response headers within the stall time: ModelLoadError naming the URL', async () => {
    const t0 = performance.now();
    const err = await guarded(`${base}/no-answer`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as Error).message).toMatch(/no-answer.*stalled/);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(STALL_MS - 50);
  });

  it('a body that stops mid-way fails the read with ModelLoadError', async () => {
    const res = await guarded(`${base}/stops`);
    expect(res.status).toBe(200);
    const err = await res.arrayBuffer().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
  });

  it('a slow but live download (1 s in all, 100 ms between chunks) completes', async () => {
    const res = await guarded(`${base}/slow`);
    expect((await res.arrayBuffer()).byteLength).toBe(CHUNK.length * 10);
  });

  it('a reader that pauses longer than the stall time is not a stall', async () => {
    const reader = (await guarded(`${base}/slow`)).body!.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      if (bytes === CHUNK.length) await new Promise((r) => setTimeout(r, STALL_MS * 2));
    }
    expect(bytes).toBe(CHUNK.length * 10);
  });

  it('around lazyBodyFetch: headers only, then idle past the stall time, no error and the body still reads', async () => {
    const both = stallGuardFetch(lazyBodyFetch((input, init) => fetch(input, init)), STALL_MS);
    const res = await both(`${base}/slow`);
    await new Promise((r) => setTimeout(r, STALL_MS * 2));
    expect((await res.arrayBuffer()).byteLength).toBe(CHUNK.length * 10);
  });
});
