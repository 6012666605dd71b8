// The page's security policy in one place: the response headers `npm start` (vite preview) and the
// dev server send, and the same policy as a <meta> tag written into the built index.html for static
// hosts that cannot send headers. Kept as data here so the served headers, the meta tag and the tests
// that check them cannot drift apart.
//
// Why each source is there (nothing else is allowed):
//  - script-src 'self' 'wasm-unsafe-eval': the build has no inline script (index.html loads one module
//    file); ONNX Runtime Web compiles its .wasm with WebAssembly.instantiate, which a policy without
//    'wasm-unsafe-eval' refuses. No 'unsafe-eval': neither ORT nor transformers.js needs it.
//  - worker-src 'self': the app's three workers and ORT's pthread workers are same-origin module files.
//    ORT makes a blob: copy of its glue only when that file is on another origin (never here: the wasm
//    paths are bundled), and transformers.js for its "wasm cache", which the LM runtime turns off.
//  - connect-src 'self' + the Hub: huggingface.co answers /resolve/ of a weight file with a 302 to its
//    storage hosts — cdn-lfs.hf.co, cdn-lfs-us-1.hf.co, cas-bridge.xethub.hf.co (Xet), and since 2026
//    regional hosts such as us.aws.cdn.hf.co — and a policy applies to every hop of a redirect. The list
//    of those hosts has changed more than once, so the policy names HF's two domains by label wildcard
//    (`*.hf.co`, `*.huggingface.co`) instead of pinning hosts that go stale.
//  - img-src adds data: (a chart's PNG export draws its SVG from a data: URL); style-src 'self' only
//    (React sets style properties through the CSSOM, which a policy does not govern).
//  - object-src 'none', base-uri 'none', form-action 'self', frame-ancestors 'none'.
//
// Limits of the <meta> copy (for static hosts):
//  - It cannot carry frame-ancestors, report-uri or sandbox (browsers ignore them in a meta policy).
//  - It is fixed when the app is built, so a Hub host typed into the page at run time is blocked
//    unless it was named in BIAS_WORKBENCH_HUB_HOSTS at build time.
//  - It covers the page only: a worker's policy comes from its own response headers, which a static
//    host does not send, so the model worker's downloads are not restricted there.
// A server that sends the header (vite preview, the dev server) rewrites the meta tag of the HTML it
// serves to its own policy, so the two always agree, whatever the build was given.
//
// The dev server gets the same policy plus what Vite's dev client needs: the React refresh preamble is
// an inline script, CSS arrives as <style> elements, and hot reload talks over a WebSocket.
//
// What the app's code had to change for the policy (so that no violation is reported, not even a
// harmless one): the build resolves `zod` to src/probes/zodWithoutEval.ts (zod probes for eval), and
// the LM runtime turns off transformers.js's "wasm cache" (it imports ORT's glue from a blob: URL).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { HUB_HOSTS_SETTING } from '../../src/core/hubHostsSetting';

export { HUB_HOSTS_SETTING };

/** zod switched to jitless mode: what the browser build imports for `zod`. */
const ZOD_WITHOUT_EVAL = fileURLToPath(new URL('../../src/probes/zodWithoutEval.ts', import.meta.url));

/** The Hugging Face Hub and the hosts its downloads redirect to. */
export const HUGGING_FACE_SOURCES = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'] as const;

/** Directives a <meta> policy cannot carry (CSP3 §3.3: ignored when delivered by meta). */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'] as const;

export type PolicyTarget = 'header' | 'meta' | 'dev';
export type Policy = Record<string, string[]>;
type Env = Record<string, string | undefined>;

/** An http(s) origin, a host wildcard (`https://*.example.org`) or a port wildcard (`http://127.0.0.1:*`). */
const HOST_SOURCE = /^(https?):\/\/(\*\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:(?:\d{1,5}|\*))?\/?$/i;

/**
 * The extra Hub hosts named in BIAS_WORKBENCH_HUB_HOSTS (comma- or space-separated), as CSP sources.
 * @throws Error naming the setting and the value when an entry is not an http(s) origin
 */
export function extraHubHosts(env: Env = process.env): string[] {
  const raw = env[HUB_HOSTS_SETTING]?.trim();
  if (!raw) return [];
  return raw.split(/[\s,]+/).map((entry) => {
    if (!HOST_SOURCE.test(entry))
      throw new Error(
        `${HUB_HOSTS_SETTING}: "${entry}" is not an http(s) origin such as https://hf-mirror.example.org, https://*.example.org or http://127.0.0.1:*`,
      );
    return entry.replace(/\/$/, '');
  });
}

/** The policy as directive → sources, for a header, a meta tag (no header-only directives) or the dev server. */
export function contentSecurityPolicy(target: PolicyTarget, env: Env = process.env): Policy {
  const dev = target === 'dev';
  const policy: Policy = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-inline'"] : [])],
    'worker-src': ["'self'"],
    'connect-src': ["'self'", ...HUGGING_FACE_SOURCES, ...extraHubHosts(env), ...(dev ? ['ws://127.0.0.1:*', 'ws://localhost:*'] : [])],
    'img-src': ["'self'", 'data:'],
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  if (target === 'meta') for (const d of HEADER_ONLY_DIRECTIVES) delete policy[d];
  return policy;
}

export const serializePolicy = (policy: Policy): string =>
  Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');

/** Features the app never uses; clipboard-write stays for "Share link", fullscreen for class mode. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=()';

/**
 * Headers for a server that can send them (`npm start`, vite preview, the dev server): cross-origin
 * isolation (multi-threaded WASM needs SharedArrayBuffer) and the security policy.
 */
export function securityHeaders(env: Env = process.env, target: Exclude<PolicyTarget, 'meta'> = 'header'): Record<string, string> {
  return {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Content-Security-Policy': serializePolicy(contentSecurityPolicy(target, env)),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const metaTag = (env: Env) => `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(serializePolicy(contentSecurityPolicy('meta', env)))}" />`;
const EXISTING_META = /[ \t]*<meta\s+http-equiv="Content-Security-Policy"[^>]*>\n?/i;

/**
 * index.html with the meta policy as the first element after <meta charset> (a policy applies only to
 * what comes after it), replacing a policy already there.
 */
export function withMetaPolicy(html: string, env: Env = process.env): string {
  const stripped = html.replace(EXISTING_META, '');
  const tag = metaTag(env);
  const charset = /<meta\s+charset=[^>]*>\n?/i.exec(stripped);
  if (charset) {
    const at = charset.index + charset[0].length;
    return `${stripped.slice(0, at)}    ${tag}\n${stripped.slice(at)}`;
  }
  const head = /<head[^>]*>\n?/i.exec(stripped);
  if (!head) throw new Error('index.html has no <head>: cannot place the Content-Security-Policy meta tag');
  const at = head.index + head[0].length;
  return `${stripped.slice(0, at)}    ${tag}\n${stripped.slice(at)}`;
}

/**
 * Vite plugin: writes the meta policy into the built HTML; makes the dev server send the dev policy;
 * makes `vite preview` serve its HTML with the meta policy of its own environment (so a build made
 * without BIAS_WORKBENCH_HUB_HOSTS still reaches the hosts the server was started with).
 */
export function securityPolicyPlugin(env: Env = process.env): Plugin {
  return {
    name: 'security-policy',
    config(_config, { command, isPreview }) {
      // zod without eval (see that module); in the page and in every worker bundle.
      const resolve = { alias: [{ find: /^zod$/, replacement: ZOD_WITHOUT_EVAL }] };
      if (command === 'serve' && !isPreview) return { resolve, server: { headers: securityHeaders(env, 'dev') } };
      return { resolve };
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => (ctx.server ? html : withMetaPolicy(html, env)),
    },
    configurePreviewServer(server) {
      const outDir = path.resolve(server.config.root, server.config.build.outDir);
      const headers = securityHeaders(env);
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        if (!pathname.endsWith('/') && !pathname.endsWith('.html')) return next();
        const file = path.join(outDir, pathname, pathname.endsWith('/') ? 'index.html' : '');
        if (!file.startsWith(outDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        const body = withMetaPolicy(readFileSync(file, 'utf8'), env);
        res.statusCode = 200;
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('Content-Length', Buffer.byteLength(body));
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    },
  };
}
