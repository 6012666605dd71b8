// The Hub host a model id is downloaded from. The default is the Hugging Face Hub; any other host (a
// mirror, a local server in tests) is a trust decision the user makes, so it is parsed strictly
// here, labelled wherever it is used, and only taken from a link after the user confirms it
// (HubLinkPrompt).

export const DEFAULT_HUB_HOST = 'https://huggingface.co/';

type HubHostParse = { ok: true; host: string } | { ok: false; message: string };

/** '' (the default) or an http(s) URL, normalised to end in "/"; anything else is refused with the reason. */
export function parseHubHost(raw: string): HubHostParse {
  const text = raw.trim();
  if (!text) return { ok: true, host: DEFAULT_HUB_HOST };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `“${text.slice(0, 80)}” is not a web address; a Hub host looks like https://huggingface.co/.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `A Hub host must be an http(s) address, not ${url.protocol}.` };
  if (url.username || url.password) return { ok: false, message: 'A Hub host must not contain a user name or password.' };
  if (url.search || url.hash) return { ok: false, message: 'A Hub host has no query (?…) or fragment (#…).' };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { ok: true, host: `${url.origin}${path}` };
}

/** The host to download from for what the user typed ('' and invalid text mean no usable host). */
export const hubHostOrNull = (raw: string): string | null => {
  const p = parseHubHost(raw);
  return p.ok ? p.host : null;
};

export const isDefaultHubHost = (host: string): boolean => host === DEFAULT_HUB_HOST;

/** How a host is named on screen: "huggingface.co (the Hugging Face Hub)" or the address itself. */
export const hubHostLabel = (host: string): string => (isDefaultHubHost(host) ? 'huggingface.co (the Hugging Face Hub)' : host);

/** The host in a button's few words: "huggingface.co" or the address itself. */
export const hubHostShort = (host: string): string => (isDefaultHubHost(host) ? 'huggingface.co' : host);
