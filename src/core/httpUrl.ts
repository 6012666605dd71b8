// Which addresses from data (a probe's citation, an imported file) may become a link. Only http(s):
// a `javascript:` or `data:` URL in a probe file someone shared would otherwise run or render in the
// page when clicked, and zod's url() check accepts both. One function, so every place that turns data
// into an href applies the same rule.

/** The normalised address when `raw` is an absolute http(s) URL, else null. */
export function httpUrlOrNull(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
