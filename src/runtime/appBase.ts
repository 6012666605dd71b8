// The app's root URL (where index.html and public/ live) from any of its modules: the page, the
// workers and lazy chunks alike. The build uses a relative base ('./') so one build runs from `/`,
// from `/bias-workbench/` or from a plain file server; Vite then gives BASE_URL as './', which means
// "the folder of index.html" and cannot be resolved against `self.location` inside a worker (whose
// location is its script). Built chunks all sit flat in `assets/`, one level below the root, so the
// root is `../` from this module's own URL. The dev server keeps an absolute base ('/').

/** Folder the build writes chunks into (vite `build.assetsDir`), relative to the app's root. */
export const ASSETS_DIR = 'assets';

/** The app's root for a base URL as Vite gives it, seen from a module at `moduleUrl`. */
export function appBaseFor(base: string, moduleUrl: string, origin: string): string {
  if (base === '' || base.startsWith('./')) return new URL('../', moduleUrl).href;
  return new URL(base, origin).href;
}

/** The app's root URL, with a trailing slash. */
export function appBaseUrl(): string {
  const base = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return appBaseFor(base, import.meta.url, self.location.origin);
}
