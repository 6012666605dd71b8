// A static file server that sends only what any plain host sends: the file, its Content-Type and
// Content-Length. No COOP/COEP, no Content-Security-Policy, no SPA fallback. The hosted browser test
// (e2e/hosted.spec.ts) serves the build from a sub-path with it, so the page must get its isolation
// from the service worker and its policy from the meta tag, and it stops the server to prove that
// the app then runs from the worker's cache alone.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export interface PlainStaticServer {
  /** The served folder's URL, with a trailing slash. */
  url: string;
  /** Stops listening and drops open connections: afterwards every request to it fails. */
  close(): Promise<void>;
}

/** Serves `root` under `mountPath` (e.g. '/bias-workbench/') on 127.0.0.1:`port`. */
export function startPlainStaticServer(root: string, mountPath: string, port: number): Promise<PlainStaticServer> {
  const mount = mountPath.endsWith('/') ? mountPath : `${mountPath}/`;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(mount)) return void res.writeHead(404).end();
    const relative = path.slice(mount.length) || 'index.html';
    const file = normalize(join(root, relative));
    if (!file.startsWith(normalize(root) + sep)) return void res.writeHead(403).end();
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': String(size) });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}${mount}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
