// The page's security policy as a browser would read it: the header and the meta tag are parsed here
// by a small parser of our own (CSP3 §2.2.1: directives split on ";", sources on whitespace, directive
// names case-insensitive, the first of a repeated directive wins), and every directive's sources are
// compared with the list the policy is meant to have — so a source added or dropped by accident, or a
// meta tag that disagrees with the header, fails here. The served case runs a real `vite preview`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import {
  HUB_HOSTS_SETTING,
  contentSecurityPolicy,
  extraHubHosts,
  securityHeaders,
  securityPolicyPlugin,
  serializePolicy,
  withMetaPolicy,
} from '../../scripts/server/securityPolicy';

function parsePolicy(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** The content of the (single) CSP meta tag in `html`, attribute entities decoded. */
function metaPolicy(html: string): string {
  const tags = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  expect(tags).toHaveLength(1);
  return tags[0]![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
}

const HF = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];
const EXPECTED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'", ...HF],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];
const noEnv = {};

describe('the header policy', () => {
  const headers = securityHeaders(noEnv);
  const policy = parsePolicy(headers['Content-Security-Policy']!);

  it('has exactly the intended directives and sources', () => {
    expect(Object.fromEntries(policy)).toEqual(EXPECTED);
  });

  it('allows no inline script and no eval, only WebAssembly compilation', () => {
    const scripts = policy.get('script-src')!;
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).toContain("'wasm-unsafe-eval'");
    expect(policy.get('worker-src')).not.toContain('blob:');
  });

  it('comes with isolation, nosniff, no referrer, no framing and a permissions policy', () => {
    expect(headers).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
    const features = Object.fromEntries(headers['Permissions-Policy']!.split(/,\s*/).map((f) => f.split('=')));
    for (const f of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(features[f]).toBe('()');
    expect(features['clipboard-write']).toBeUndefined(); // "Share link" copies to the clipboard
  });
});

describe('the meta policy', () => {
  it('is the header policy without the directives a meta tag cannot carry', () => {
    const header = parsePolicy(securityHeaders(noEnv)['Content-Security-Policy']!);
    const meta = parsePolicy(serializePolicy(contentSecurityPolicy('meta', noEnv)));
    for (const d of HEADER_ONLY) header.delete(d);
    expect(Object.fromEntries(meta)).toEqual(Object.fromEntries(header));
    expect(meta.has('frame-ancestors')).toBe(false);
  });

  it('is written right after <meta charset>, before the first script, replacing one already there', () => {
    const html = `<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>t</title>\n    <script type="module" src="/assets/index.js"></script>\n  </head>\n</html>\n`;
    const once = withMetaPolicy(html, noEnv);
    expect(once.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(once.indexOf('<meta charset'));
    expect(once.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(once.indexOf('<script'));
    const twice = withMetaPolicy(once, { [HUB_HOSTS_SETTING]: 'https://hf-mirror.example.org' });
    expect(parsePolicy(metaPolicy(twice)).get('connect-src')).toEqual(["'self'", ...HF, 'https://hf-mirror.example.org']);
    expect(twice.replace(/\s*<meta http-equiv[^>]*>/, '')).toBe(html);
  });
});

describe(`the ${HUB_HOSTS_SETTING} setting`, () => {
  it('adds each listed origin to connect-src, in the header and in the meta tag', () => {
    const env = { [HUB_HOSTS_SETTING]: 'https://hf-mirror.example.org/, http://127.0.0.1:*  https://*.cdn.example.org' };
    const extra = ['https://hf-mirror.example.org', 'http://127.0.0.1:*', 'https://*.cdn.example.org'];
    expect(parsePolicy(securityHeaders(env)['Content-Security-Policy']!).get('connect-src')).toEqual(["'self'", ...HF, ...extra]);
    expect(parsePolicy(serializePolicy(contentSecurityPolicy('meta', env))).get('connect-src')).toEqual(["'self'", ...HF, ...extra]);
  });

  it.each(['*', 'javascript:alert(1)', "'unsafe-inline'", 'https://host/path', 'ftp://host', 'data:', 'https://a b', "https://x.org; script-src 'unsafe-inline'"])(
    'refuses %s with a message naming the setting',
    (value) => {
      expect(() => extraHubHosts({ [HUB_HOSTS_SETTING]: value })).toThrow(new RegExp(`^${HUB_HOSTS_SETTING}: ".*" is not an http\\(s\\) origin`));
    },
  );
});

describe('the dev server policy', () => {
  it('adds only what Vite’s dev client needs: its inline preamble, its <style> elements and the hot-reload WebSocket', () => {
    const dev = parsePolicy(securityHeaders(noEnv, 'dev')['Content-Security-Policy']!);
    expect(dev.get('script-src')).toEqual([...EXPECTED['script-src']!, "'unsafe-inline'"]);
    expect(dev.get('style-src')).toEqual([...EXPECTED['style-src']!, "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual([...EXPECTED['connect-src']!, 'ws://127.0.0.1:*', 'ws://localhost:*']);
    const changed = ['script-src', 'style-src', 'connect-src'];
    for (const d of Object.keys(EXPECTED).filter((k) => !changed.includes(k))) expect(dev.get(d)).toEqual(EXPECTED[d]);
  });
});

describe('vite preview with the plugin', () => {
  const env = { [HUB_HOSTS_SETTING]: 'http://127.0.0.1:*' };
  let dir: string;
  let server: PreviewServer;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'csp-preview-'));
    // A build made WITHOUT the setting: its meta tag lacks the server's extra host.
    writeFileSync(path.join(dir, 'index.html'), withMetaPolicy('<!doctype html><html><head><meta charset="UTF-8">\n<title>x</title></head><body></body></html>', noEnv));
    writeFileSync(path.join(dir, 'app.js'), 'export {};');
    server = await preview({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: [securityPolicyPlugin(env)],
      build: { outDir: dir },
      preview: { host: '127.0.0.1', port: 0, headers: securityHeaders(env) },
    });
    base = server.resolvedUrls!.local[0]!;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the HTML with a meta policy equal to its header (less header-only directives), the setting included', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    const header = parsePolicy(res.headers.get('content-security-policy')!);
    const meta = parsePolicy(metaPolicy(await res.text()));
    expect(header.get('connect-src')).toContain('http://127.0.0.1:*');
    for (const d of HEADER_ONLY) header.delete(d);
    expect(Object.fromEntries(meta)).toEqual(Object.fromEntries(header));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the same headers with the other files', async () => {
    const res = await fetch(`${base}app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(securityHeaders(env)['Content-Security-Policy']);
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });
});
