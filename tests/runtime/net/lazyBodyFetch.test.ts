// lazyBodyFetch against a real HTTP server on 127.0.0.1 that counts what it is asked: a look at the
// headers costs one HEAD and no GET; reading the body downloads the file once, byte for byte; a 404
// stays a 404; Range requests and servers that refuse HEAD get the plain GET.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lazyBodyFetch } from '../../../src/runtime/net/lazyBodyFetch';

const FILE = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31 + 7) & 0xff);
let server: Server;
let base: string;
let seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}${req.headers.range ? ` ${req.headers.range}` : ''}`);
    if (req.url === '/no-head' && req.method === 'HEAD') return void res.writeHead(405).end();
    if (req.url !== '/model.onnx' && req.url !== '/no-head') return void res.writeHead(404, 'Not Found').end();
    if (req.headers.range === 'bytes=0-0') return void res.writeHead(206, { 'content-range': `bytes 0-0/${FILE.length}`, 'content-length': '1' }).end(Buffer.from(FILE.subarray(0, 1)));
    res.writeHead(200, { 'content-length': String(FILE.length), 'content-type': 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    res.end(Buffer.from(FILE));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const lazy = lazyBodyFetch((input, init) => fetch(input, init));

describe('lazyBodyFetch', () => {
  it('headers only: one HEAD, no GET, the real status and content-length', async () => {
    const res = await lazy(`${base}/model.onnx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(FILE.length));
    await new Promise((r) => setTimeout(r, 200)); // a GET started in the background would arrive by now
    expect(seen).toEqual(['HEAD /model.onnx']);
  });

  it('reading the body downloads the file once, byte for byte', async () => {
    const res = await lazy(`${base}/model.onnx`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(FILE.length);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(FILE))).toBe(0);
    expect(seen).toEqual(['HEAD /model.onnx', 'GET /model.onnx']);
  });

  it('a missing file is a 404 without a GET', async () => {
    const res = await lazy(`${base}/missing.onnx`);
    expect(res.status).toBe(404);
    expect(res.ok).toBe(false);
    expect(seen).toEqual(['HEAD /missing.onnx']);
  });

  it('Range requests and servers that refuse HEAD get the plain request', async () => {
    const ranged = await lazy(`${base}/model.onnx`, { headers: { Range: 'bytes=0-0' } });
    expect(ranged.status).toBe(206);
    const noHead = await lazy(`${base}/no-head`);
    expect((await noHead.arrayBuffer()).byteLength).toBe(FILE.length);
    expect(seen).toEqual(['GET /model.onnx bytes=0-0', 'HEAD /no-head', 'GET /no-head']);
  });

  it('cancelling the body after it started stops the download', async () => {
    const res = await lazy(`${base}/model.onnx`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    expect(seen).toEqual(['HEAD /model.onnx', 'GET /model.onnx']);
  });
});
