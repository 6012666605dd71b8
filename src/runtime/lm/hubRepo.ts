// What a Hub repository says about itself before anything large is downloaded: the commit its files
// come from, each file's size and the weights' sha256, read the way huggingface_hub and
// huggingface.js read them —
//  1. GET {host}api/models/{id}/revision/{rev}?blobs=true: `sha` (the commit) and `siblings`, each
//     with `rfilename`, `size` and, for LFS files, `lfs.size` (the size of the real file, not of its
//     pointer) and `lfs.sha256` (what a downloaded weight file must hash to).
//  2. Only when the API did not answer with a commit, or says the repo is gated: HEAD of config.json,
//     whose X-Repo-Commit names the commit and whose 401/403 with X-Error-Code: GatedRepo means the
//     files need an account that was granted access.
// The workbench sends no Hugging Face token (a token in a web page is readable by any script on it),
// so a gated repo cannot be downloaded and is refused here with what to do. Anything else that goes
// wrong (a mirror without the API, offline with the files already cached, an unknown id) leaves the
// fields unknown: the download that follows reports those problems with the loader's own errors.
import { GatedModelError } from '../../core/errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

interface HubRepoSnapshot {
  /** The commit sha the files come from; null when the host did not say. */
  commit: string | null;
  /** Size in bytes of every file of the repo, by path; null when the API did not list them. */
  sizes: Record<string, number> | null;
  /** sha256 of each LFS file (the weights), by path, as the API lists it; null when it did not. */
  lfsSha256: Record<string, string> | null;
}

const COMMIT = /^[0-9a-f]{40}$/;
/** A metadata request that takes longer is given up (sizes unknown), so a silent network cannot hold a load here. */
const METADATA_TIMEOUT_MS = 15_000;
const timeout = () => AbortSignal.timeout(METADATA_TIMEOUT_MS);

/** The plain sentence for a gated repo (GatedModelError's message). */
const gatedMessage = (id: string, host: string) =>
  `${id} is gated on the Hugging Face Hub: sign in and request access on its page (${host}${id}), then download its files and load them as a local folder, ` +
  'because the workbench sends no access token and so cannot download gated files itself.';

interface ApiSibling {
  rfilename?: unknown;
  size?: unknown;
  lfs?: { size?: unknown; sha256?: unknown } | null;
}

/** sha256 of the LFS siblings (the weight files), by path. */
export function siblingSha256(siblings: readonly ApiSibling[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of siblings) if (typeof s.rfilename === 'string' && typeof s.lfs?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(s.lfs.sha256)) out[s.rfilename] = s.lfs.sha256;
  return out;
}

/** Sizes from the API's siblings (`lfs.size` first: for LFS files `size` may be the pointer's). */
export function siblingSizes(siblings: readonly ApiSibling[]): Record<string, number> | null {
  const sizes: Record<string, number> = {};
  for (const s of siblings) {
    const size = typeof s.lfs?.size === 'number' ? s.lfs.size : s.size;
    if (typeof s.rfilename !== 'string' || typeof size !== 'number' || !Number.isFinite(size) || size < 0) return null;
    sizes[s.rfilename] = size;
  }
  return sizes;
}

/** The file names directly in onnx/ among a repo's paths (what `listOnnxFiles` reports). */
export const onnxFileNames = (sizes: Readonly<Record<string, number>>): string[] =>
  Object.keys(sizes)
    .filter((p) => /^onnx\/[^/]+$/.test(p))
    .map((p) => p.slice('onnx/'.length));

const isGatedAnswer = (res: Response) => (res.status === 401 || res.status === 403) && res.headers.get('x-error-code') === 'GatedRepo';

/**
 * Read the commit and file sizes of `id` at `revision` on `host` (a base URL ending in "/").
 * @throws GatedModelError when the Hub answers that the repo is gated.
 */
export async function inspectHubRepo(fetchFn: FetchLike, host: string, id: string, revision = 'main'): Promise<HubRepoSnapshot> {
  const base = host.endsWith('/') ? host : `${host}/`;
  const rev = encodeURIComponent(revision);
  let commit: string | null = null;
  let sizes: Record<string, number> | null = null;
  let lfsSha256: Record<string, string> | null = null;
  let gated = false;
  try {
    const res = await fetchFn(`${base}api/models/${id}/revision/${rev}?blobs=true`, { headers: { Accept: 'application/json' }, signal: timeout() });
    if (isGatedAnswer(res)) throw new GatedModelError(gatedMessage(id, base));
    if (res.ok) {
      const body = (await res.json()) as { sha?: unknown; gated?: unknown; siblings?: unknown };
      if (typeof body.sha === 'string' && COMMIT.test(body.sha)) commit = body.sha;
      if (Array.isArray(body.siblings)) {
        sizes = siblingSizes(body.siblings as ApiSibling[]);
        lfsSha256 = siblingSha256(body.siblings as ApiSibling[]);
      }
      gated = body.gated !== undefined && body.gated !== false && body.gated !== null;
    } else await res.body?.cancel();
  } catch (e) {
    if (e instanceof GatedModelError) throw e;
    // No API here (a mirror, offline): the sizes stay unknown.
  }
  if (commit && !gated) return { commit, sizes, lfsSha256 };
  try {
    const res = await fetchFn(`${base}${id}/resolve/${rev}/config.json`, { method: 'HEAD', signal: timeout() });
    // Without the header (a host that does not expose it), the API's word that the repo is gated decides.
    if (isGatedAnswer(res) || (gated && (res.status === 401 || res.status === 403))) throw new GatedModelError(gatedMessage(id, base));
    const header = res.headers.get('x-repo-commit');
    if (res.ok && header && COMMIT.test(header)) commit ??= header;
  } catch (e) {
    if (e instanceof GatedModelError) throw e;
  }
  return { commit, sizes, lfsSha256 };
}
