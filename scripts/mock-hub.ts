// A stand-in for the Hugging Face Hub on 127.0.0.1, so the Hub code path of the LM runtime
// (transformers.js with env.remoteHost) is exercised offline, in Node tests and in the browser.
// It serves GET/HEAD /{org}/{name}/resolve/{revision}/{file…} from {root}/{org}/{name}/{file…}
// (root defaults to public/models, so `workbench/tiny-gpt2` is served as a Hub repo) and 404s
// everything else, as the Hub does for unknown repos. Range requests (transformers.js probes file
// sizes with `Range: bytes=0-0`) get 206. Bodies can be sent in chunks with a delay so download
// progress events fire. CORS and Cross-Origin-Resource-Policy headers let a cross-origin-isolated
// page (COEP: require-corp) fetch from it.
//
// Library: `const hub = await startMockHub({ root }); … await hub.close();`
// CLI:     `npx tsx scripts/mock-hub.ts [--port 0] [--root public/models] [--latency-ms 0] [--chunk-bytes 65536]`
//          prints `MOCK_HUB_URL=http://127.0.0.1:PORT/` and serves until SIGINT/SIGTERM or
//          `--max-seconds` elapses (default 600, so a forgotten server does not outlive a test run).
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MockHubOptions {
  /** Folder holding {org}/{name}/… model folders. Default: public/models of this checkout. */
  root?: string;
  /** 0 (default) = any free port. */
  port?: number;
  /** Delay before the response and between body chunks, in ms. */
  latencyMs?: number;
  /** Body chunk size in bytes (default 64 KiB). */
  chunkBytes?: number;
}

export interface MockHub {
  /** Base URL with a trailing slash, for env.remoteHost. */
  url: string;
  port: number;
  /** "METHOD path status" of every request served, in order. */
  requests: string[];
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_MODELS_ROOT = path.resolve(here, '..', 'public', 'models');

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startMockHub(opts: MockHubOptions = {}): Promise<MockHub> {
  const root = path.resolve(opts.root ?? DEFAULT_MODELS_ROOT);
  const latency = opts.latencyMs ?? 0;
  const chunk = Math.max(1, opts.chunkBytes ?? 64 * 1024);
  const requests: string[] = [];

  const corsHeaders = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Range, Content-Type, Authorization, User-Agent',
    'Access-Control-Expose-Headers': 'Content-Length, Content-Range, Accept-Ranges, ETag',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const log = (status: number) => requests.push(`${req.method} ${url.pathname} ${status}`);
    const fail = (status: number, message: string) => {
      log(status);
      res.writeHead(status, { ...corsHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'X-Error-Code': 'EntryNotFound' });
      res.end(message);
    };
    try {
      if (req.method === 'OPTIONS') {
        log(204);
        res.writeHead(204, { ...corsHeaders, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' });
        res.end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed');
      // /{org}/{name}/resolve/{revision}/{file…}
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      if (parts.length < 5 || parts[2] !== 'resolve' || parts.some((p) => p === '..' || p === '.' || p.includes('\\')))
        return fail(404, 'Repository not found');
      const [org, name, , , ...file] = parts;
      const filePath = path.join(root, org!, name!, ...file);
      if (!filePath.startsWith(root + path.sep)) return fail(404, 'Repository not found');
      let stat;
      try {
        stat = await fs.stat(filePath);
      } catch {
        return fail(404, 'Entry not found');
      }
      if (!stat.isFile()) return fail(404, 'Entry not found');

      let start = 0;
      let end = stat.size - 1;
      let status = 200;
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (range && stat.size > 0) {
        if (range[1]) start = Number(range[1]);
        if (range[2]) end = Math.min(end, Number(range[2]));
        if (!range[1] && range[2]) {
          start = Math.max(0, stat.size - Number(range[2]));
          end = stat.size - 1;
        }
        if (start > end || start >= stat.size) {
          log(416);
          res.writeHead(416, { ...corsHeaders, 'Content-Range': `bytes */${stat.size}` });
          res.end();
          return;
        }
        status = 206;
      }
      const headers: Record<string, string> = {
        ...corsHeaders,
        'Content-Type': CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream',
        'Content-Length': String(end - start + 1),
        'Accept-Ranges': 'bytes',
        ETag: `"${stat.size}-${Math.round(stat.mtimeMs)}"`,
        'Cache-Control': 'no-store',
      };
      if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${stat.size}`;
      if (latency) await sleep(latency);
      log(status);
      res.writeHead(status, headers);
      if (req.method === 'HEAD') return void res.end();
      const stream = createReadStream(filePath, { start, end, highWaterMark: chunk });
      for await (const piece of stream) {
        if (res.destroyed) break;
        if (!res.write(piece)) await new Promise((r) => res.once('drain', r));
        if (latency) await sleep(latency);
      }
      res.end();
    } catch (e) {
      if (!res.headersSent) fail(500, String(e));
      else res.destroy();
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        requests,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

// CLI entry: `npx tsx scripts/mock-hub.ts …`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const hub = await startMockHub({
    port: Number(arg('port') ?? 0),
    root: arg('root'),
    latencyMs: Number(arg('latency-ms') ?? 0),
    chunkBytes: Number(arg('chunk-bytes') ?? 64 * 1024),
  });
  console.log(`MOCK_HUB_URL=${hub.url}`);
  const stop = async () => {
    await hub.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setTimeout(stop, Number(arg('max-seconds') ?? 600) * 1000).unref?.();
}
