// A stand-in for the Hugging Face Hub on 127.0.0.1, so the Hub code path of the LM runtime
// (transformers.js with env.remoteHost) is exercised offline, in Node tests and in the browser.
// It answers the way huggingface.co does (headers and error codes as read by huggingface_hub's
// file_download.py / utils/_http.py and huggingface.js's fileDownloadInfo):
//  - GET/HEAD /{org}/{name}/resolve/{revision}/{file…} from {root}/{org}/{name}/{file…}. `revision` is
//    `main` or the repo's commit sha. Small files come straight back with X-Repo-Commit and an ETag
//    (the file's git blob id). Large files — *.onnx, *.onnx_data and anything over `lfsThresholdBytes`,
//    as the Hub's LFS/Xet storage holds them — answer 302 to a second server on another port (another
//    origin, like the Hub's CDN) with Location, X-Repo-Commit, X-Linked-Etag (the sha256),
//    X-Linked-Size and ETag; the CDN serves the bytes. Range requests (transformers.js probes sizes
//    with `Range: bytes=0-0`) get 206 on whichever server serves the bytes.
//  - GET /api/models/{org}/{name}[/revision/{rev}] like the Hub API: `sha` (commit), `gated`,
//    `siblings` [{rfilename}], and with `?blobs=true` each sibling's `size`, `blobId` and, for LFS
//    files, `lfs: {sha256, size, pointerSize}`. `reportedSizes` lets a test make the API (and the
//    X-Linked-Size of a redirect) report a size other than the file's, e.g. a 5 GB model, without a
//    5 GB file.
//  - A repo folder holding a `.gated` file (content `manual` or `auto`) is gated: its API answer says
//    so (the Hub shows gated repos' metadata to anyone), and its files answer 401 without an
//    Authorization header and 403 with a token that has no access (X-Error-Code: GatedRepo and the
//    Hub's X-Error-Message). Tokens in `acceptedTokens` have access.
//  - An unknown repo answers 401 X-Error-Code: RepoNotFound — the Hub answers 401, not 404, so that
//    private repos cannot be told from missing ones; a missing file of a known repo answers 404
//    EntryNotFound, an unknown revision 404 RevisionNotFound.
//  - Faults, for the fault suite (`faults`, also settable after start on `hub.faults`): a rule whose
//    `match` fits a request's target — `{path}` without the leading "/" on the Hub
//    ("workbench/tiny-gpt2/resolve/main/config.json", "api/models/…"), `cdn:{org}/{name}/{file}` on the
//    CDN — answers with its fault instead, `times` times (default: always): `html` (200 text/html, as a
//    captive portal or a proxy's sign-in page), `status` (that HTTP status with a short body, e.g.
//    500/502/503), `redirect` (302 to `location`, e.g. another host), `cut` (the full Content-Length,
//    then the connection is destroyed after `afterBytes`), `truncate` (only the first `bytes` bytes,
//    with a Content-Length that agrees: a file stored short). `cut` and `truncate` apply to full GETs
//    (not HEAD or Range probes), the others to every request.
// The commit sha is stable per repo: sha1 over the sorted "path blobId" lines of its files. A repo
// folder is read once, on its first request, so change files only before starting the server.
// CORS (with the Hub's exposed headers) and Cross-Origin-Resource-Policy on both servers let a
// cross-origin-isolated page (COEP: require-corp) fetch and follow the redirect.
//
// Library: `const hub = await startMockHub({ root }); … await hub.close();`
// CLI:     `npx tsx scripts/mock-hub.ts [--port 0] [--root public/models] [--latency-ms 0] [--chunk-bytes 65536]`
//          [--fault '<regex>=html|status:503|redirect:<url>|cut:<bytes>|truncate:<bytes>'] (repeatable)
//          prints `MOCK_HUB_URL=http://127.0.0.1:PORT/` and serves until SIGINT/SIGTERM or
//          `--max-seconds` elapses (default 600, so a forgotten server does not outlive a test run).
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** How a matched request is answered instead of normally (see the header). */
export type HubFault =
  | { kind: 'html' }
  | { kind: 'status'; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'cut'; afterBytes: number }
  | { kind: 'truncate'; bytes: number };

export interface HubFaultRule {
  /** Tested against the request's target: the Hub path without its leading "/", or `cdn:{org}/{name}/{file}`. */
  match: RegExp;
  fault: HubFault;
  /** How many matching requests get the fault (default: all). */
  times?: number;
}

export interface MockHubOptions {
  /** Folder holding {org}/{name}/… model folders. Default: public/models of this checkout. */
  root?: string;
  /** 0 (default) = any free port. */
  port?: number;
  /** Delay before the response and between body chunks, in ms. */
  latencyMs?: number;
  /** Body chunk size in bytes (default 64 KiB). */
  chunkBytes?: number;
  /** Files at least this large are served through the CDN redirect even when not *.onnx (default 10 MiB). */
  lfsThresholdBytes?: number;
  /** Sizes the API and the redirect headers report instead of the real ones: repo id → file → bytes. */
  reportedSizes?: Record<string, Record<string, number>>;
  /** Bearer tokens that may read gated repos. */
  acceptedTokens?: string[];
  /** Faults to answer with (see HubFaultRule); the same list as `MockHub.faults`. */
  faults?: HubFaultRule[];
}

export interface MockHub {
  /** Base URL with a trailing slash, for env.remoteHost. */
  url: string;
  port: number;
  /** "METHOD path status" of every request the Hub server answered, in order. */
  requests: string[];
  /** The CDN server (the redirect target): its base URL and its request log. */
  cdn: { url: string; requests: string[] };
  /** The fault rules in force: push, splice or empty it between requests. */
  faults: HubFaultRule[];
  /** The commit sha the mock reports for a repo (X-Repo-Commit, API `sha`); null for an unknown repo. */
  commitOf(repo: string): Promise<string | null>;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_MODELS_ROOT = path.resolve(here, '..', 'public', 'models');
/** The Hub's LFS threshold for files not matched by .gitattributes. */
const DEFAULT_LFS_THRESHOLD = 10 * 1024 * 1024;
const LFS_PATTERN = /\.onnx(_data(_\d+)?)?$/;
const GATE_FILE = '.gated';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const EXPOSED = 'X-Repo-Commit, X-Request-Id, X-Error-Code, X-Error-Message, X-Total-Count, ETag, Link, Accept-Ranges, Content-Range, X-Linked-Size, X-Linked-ETag, Content-Length, Location';
const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Range, Content-Type, Authorization, User-Agent',
  'Access-Control-Expose-Headers': EXPOSED,
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RepoFile {
  path: string;
  size: number;
  /** git blob id: sha1("blob {size}\0" + content). */
  blobId: string;
  sha256: string;
}
interface Repo {
  dir: string;
  files: Map<string, RepoFile>;
  commit: string;
  gated: false | 'manual' | 'auto';
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (e.isFile() || e.isSymbolicLink()) out.push(rel);
  }
  return out;
}

async function readRepo(dir: string): Promise<Repo | null> {
  try {
    if (!(await fs.stat(path.join(dir, 'config.json'))).isFile()) return null;
  } catch {
    return null;
  }
  const files = new Map<string, RepoFile>();
  let gated: Repo['gated'] = false;
  for (const rel of (await listFiles(dir)).sort()) {
    const bytes = await fs.readFile(path.join(dir, rel));
    if (rel === GATE_FILE) {
      gated = bytes.toString('utf8').trim() === 'auto' ? 'auto' : 'manual';
      continue;
    }
    const blobId = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    files.set(rel, { path: rel, size: bytes.length, blobId, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const commit = createHash('sha1')
    .update([...files.values()].map((f) => `${f.path} ${f.blobId}\n`).join(''))
    .digest('hex');
  return { dir, files, commit, gated };
}

type Send = (status: number, headers: Record<string, string>, body?: string) => void;

/** Serve `file` (bytes start..end of it) with Range support; headers merged in. */
async function sendFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  log: (status: number) => void,
  filePath: string,
  size: number,
  extra: Record<string, string>,
  latency: number,
  chunk: number,
  bodyFault?: Extract<HubFault, { kind: 'cut' | 'truncate' }>,
) {
  let start = 0;
  let end = size - 1;
  let status = 200;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (bodyFault?.kind === 'truncate') end = Math.min(end, bodyFault.bytes - 1);
  /** Bytes sent before the connection is destroyed ('cut'); Infinity otherwise. */
  const cutAt = bodyFault?.kind === 'cut' ? bodyFault.afterBytes : Infinity;
  if (range && size > 0) {
    if (range[1]) start = Number(range[1]);
    if (range[2]) end = Math.min(end, Number(range[2]));
    if (!range[1] && range[2]) {
      start = Math.max(0, size - Number(range[2]));
      end = size - 1;
    }
    if (start > end || start >= size) {
      log(416);
      res.writeHead(416, { ...corsHeaders, 'Content-Range': `bytes */${size}` });
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
    'Cache-Control': 'no-store',
    ...extra,
  };
  if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  if (latency) await sleep(latency);
  log(status);
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(filePath, { start, end, highWaterMark: chunk });
  let sent = 0;
  for await (const piece of stream as AsyncIterable<Buffer>) {
    if (res.destroyed) break;
    const part = sent + piece.length > cutAt ? piece.subarray(0, cutAt - sent) : piece;
    sent += part.length;
    if (!res.write(part)) await new Promise((r) => res.once('drain', r));
    if (sent >= cutAt) {
      // Let the bytes leave, then drop the connection without finishing the body.
      await new Promise((r) => setTimeout(r, 20));
      stream.destroy();
      res.destroy();
      return;
    }
    if (latency) await sleep(latency);
  }
  res.end();
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

const closeServer = (server: http.Server) =>
  new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });

export async function startMockHub(opts: MockHubOptions = {}): Promise<MockHub> {
  const root = path.resolve(opts.root ?? DEFAULT_MODELS_ROOT);
  const latency = opts.latencyMs ?? 0;
  const chunk = Math.max(1, opts.chunkBytes ?? 64 * 1024);
  const lfsThreshold = opts.lfsThresholdBytes ?? DEFAULT_LFS_THRESHOLD;
  const requests: string[] = [];
  const cdnRequests: string[] = [];
  const repos = new Map<string, Promise<Repo | null>>();
  const repoOf = (id: string) => {
    if (!repos.has(id)) repos.set(id, readRepo(path.join(root, ...id.split('/'))));
    return repos.get(id)!;
  };
  const reportedSize = (id: string, f: RepoFile) => opts.reportedSizes?.[id]?.[f.path] ?? f.size;
  const isLfs = (f: RepoFile) => LFS_PATTERN.test(f.path) || f.size >= lfsThreshold;
  let cdnUrl = '';

  const faults = opts.faults ?? [];
  /** The fault for this request, counted; body faults only for full GETs. */
  const faultFor = (req: http.IncomingMessage, target: string): HubFault | undefined => {
    const rule = faults.find((r) => r.match.test(target) && (r.times ?? Infinity) > 0);
    if (!rule) return undefined;
    const body = rule.fault.kind === 'cut' || rule.fault.kind === 'truncate';
    if (body && (req.method !== 'GET' || req.headers.range)) return undefined;
    if (rule.times !== undefined) rule.times--;
    return rule.fault;
  };
  const targetOf = (server: 'hub' | 'cdn', url: URL) =>
    server === 'hub' ? decodeURIComponent(url.pathname.slice(1)) : `cdn:${url.searchParams.get('file') ?? ''}`;

  type BodyFault = Extract<HubFault, { kind: 'cut' | 'truncate' }>;
  const handle = (
    log: string[],
    server: 'hub' | 'cdn',
    fn: (req: http.IncomingMessage, res: http.ServerResponse, url: URL, logStatus: (s: number) => void, send: Send, bodyFault?: BodyFault) => Promise<void>,
  ) =>
    http.createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const logStatus = (status: number) => log.push(`${req.method} ${url.pathname} ${status}`);
      const send: Send = (status, headers, body = '') => {
        logStatus(status);
        res.writeHead(status, { ...corsHeaders, ...headers });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      try {
        if (req.method === 'OPTIONS') return send(204, { 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' });
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { 'Content-Type': 'text/plain; charset=utf-8' }, 'method not allowed');
        const fault = faultFor(req, targetOf(server, url));
        if (fault?.kind === 'html')
          return send(200, { 'Content-Type': 'text/html; charset=utf-8' }, '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form>Sign in to use this network</form></body></html>\n');
        if (fault?.kind === 'status') return send(fault.status, { 'Content-Type': 'text/plain; charset=utf-8', ...(fault.status === 503 ? { 'Retry-After': '30' } : {}) }, `error ${fault.status}`);
        if (fault?.kind === 'redirect') return send(302, { 'Content-Type': 'text/plain; charset=utf-8', Location: fault.location }, `Found. Redirecting to ${fault.location}`);
        await fn(req, res, url, logStatus, send, fault);
      } catch (e) {
        if (!res.headersSent) send(500, { 'Content-Type': 'text/plain; charset=utf-8' }, String(e));
        else res.destroy();
      }
    });

  const hubError = (send: Send, status: number, code: string, message: string) =>
    send(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Error-Code': code, 'X-Error-Message': message }, JSON.stringify({ error: message }));

  const hub = handle(requests, 'hub', async (req, res, url, logStatus, send, bodyFault) => {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts.some((p) => p === '..' || p === '.' || p.includes('\\'))) return hubError(send, 404, 'EntryNotFound', 'Entry not found');

    // /api/models/{org}/{name}[/revision/{rev}]
    if (parts[0] === 'api' && parts[1] === 'models' && parts.length >= 4) {
      const id = `${parts[2]}/${parts[3]}`;
      const repo = await repoOf(id);
      if (!repo || !(parts.length === 4 || (parts.length === 6 && parts[4] === 'revision')))
        return hubError(send, 401, 'RepoNotFound', 'Repository not found');
      const rev = parts[5] ?? 'main';
      if (rev !== 'main' && rev !== repo.commit) return hubError(send, 404, 'RevisionNotFound', `Invalid rev id: ${rev}`);
      const blobs = url.searchParams.get('blobs') === 'true';
      const config = JSON.parse(await fs.readFile(path.join(repo.dir, 'config.json'), 'utf8')) as { architectures?: string[]; model_type?: string };
      const siblings = [...repo.files.values()].map((f) => {
        if (!blobs) return { rfilename: f.path };
        const size = reportedSize(id, f);
        return { rfilename: f.path, blobId: f.blobId, size, ...(isLfs(f) ? { lfs: { sha256: f.sha256, size, pointerSize: 134 } } : {}) };
      });
      const body = {
        _id: repo.commit.slice(0, 24),
        id,
        modelId: id,
        author: parts[2],
        sha: repo.commit,
        private: false,
        disabled: false,
        gated: repo.gated,
        library_name: 'transformers.js',
        tags: ['transformers.js', 'onnx', ...(config.model_type ? [config.model_type] : [])],
        config: { architectures: config.architectures ?? [], model_type: config.model_type },
        siblings,
      };
      return send(200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(body));
    }

    // /{org}/{name}/resolve/{revision}/{file…}
    if (parts.length < 5 || parts[2] !== 'resolve') return hubError(send, 404, 'EntryNotFound', 'Entry not found');
    const [org, name, , rev, ...rest] = parts;
    const id = `${org}/${name}`;
    const repo = await repoOf(id);
    if (!repo) return hubError(send, 401, 'RepoNotFound', 'Repository not found');
    if (repo.gated) {
      const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!auth) return hubError(send, 401, 'GatedRepo', `Access to model ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`);
      if (!opts.acceptedTokens?.includes(auth))
        return hubError(send, 403, 'GatedRepo', `Access to model ${id} is restricted and you are not in the authorized list. Visit https://huggingface.co/${id} to ask for access.`);
    }
    if (rev !== 'main' && rev !== repo.commit) return hubError(send, 404, 'RevisionNotFound', `Invalid rev id: ${rev}`);
    const file = repo.files.get(rest.join('/'));
    if (!file) return hubError(send, 404, 'EntryNotFound', 'Entry not found');
    const common = { 'X-Repo-Commit': repo.commit };
    if (isLfs(file)) {
      const size = reportedSize(id, file);
      const location = `${cdnUrl}repos/${repo.commit}/${file.sha256}?file=${encodeURIComponent(`${id}/${file.path}`)}`;
      return send(302, {
        ...common,
        'Content-Type': 'text/plain; charset=utf-8',
        Location: location,
        ETag: `"${file.sha256}"`,
        'X-Linked-Etag': `"${file.sha256}"`,
        'X-Linked-Size': String(size),
        Vary: 'Origin, Accept',
      }, `Found. Redirecting to ${location}`);
    }
    return sendFile(req, res, logStatus, path.join(repo.dir, file.path), file.size, { ...common, ETag: `"${file.blobId}"` }, latency, chunk, bodyFault);
  });

  // The CDN: /repos/{commit}/{sha256}?file={org}/{name}/{path}; serves the bytes, nothing else.
  const cdn = handle(cdnRequests, 'cdn', async (req, res, url, logStatus, send, bodyFault) => {
    const m = /^\/repos\/([0-9a-f]{40})\/([0-9a-f]{64})$/.exec(url.pathname);
    const [org, name, ...rest] = (url.searchParams.get('file') ?? '').split('/');
    const repo = m && org && name ? await repoOf(`${org}/${name}`) : null;
    const file = repo?.files.get(rest.join('/'));
    if (!m || !repo || !file || repo.commit !== m[1] || file.sha256 !== m[2])
      return send(403, { 'Content-Type': 'application/xml' }, '<Error><Code>AccessDenied</Code></Error>');
    return sendFile(req, res, logStatus, path.join(repo.dir, file.path), file.size, { ETag: `"${file.sha256}"`, 'Cache-Control': 'public, max-age=604800, immutable' }, latency, chunk, bodyFault);
  });

  const cdnPort = await listen(cdn, 0);
  cdnUrl = `http://127.0.0.1:${cdnPort}/`;
  let port: number;
  try {
    port = await listen(hub, opts.port ?? 0);
  } catch (e) {
    await closeServer(cdn);
    throw e;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    cdn: { url: cdnUrl, requests: cdnRequests },
    faults,
    commitOf: async (id) => (await repoOf(id))?.commit ?? null,
    close: async () => {
      await Promise.all([closeServer(hub), closeServer(cdn)]);
    },
  };
}

// CLI entry: `npx tsx scripts/mock-hub.ts …`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const faultArgs = process.argv.flatMap((a, i) => (a === '--fault' && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
  const faults = faultArgs.map((spec): HubFaultRule => {
    const eq = spec.lastIndexOf('=');
    const [kind, ...rest] = spec.slice(eq + 1).split(':');
    const value = rest.join(':');
    const fault: HubFault =
      kind === 'html' ? { kind } : kind === 'status' ? { kind, status: Number(value) } : kind === 'redirect' ? { kind, location: value }
      : kind === 'cut' ? { kind, afterBytes: Number(value) } : kind === 'truncate' ? { kind, bytes: Number(value) } : (() => { throw new Error(`unknown fault "${spec}"`); })();
    return { match: new RegExp(spec.slice(0, eq)), fault };
  });
  const hub = await startMockHub({
    faults,
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
