// The sha256 of a model file the browser loaded (a Response from the cache or the network, or a
// picked file), for the identity of what ran. External data can be gigabytes, so large bodies are
// hashed chunk by chunk with the incremental hash instead of being copied into one buffer first.
import { Sha256, sha256Hex } from '../assetDigest';

/** Files above this are hashed as a stream (external data can be GBs: no second copy in memory). */
const STREAM_HASH_BYTES = 256 * 1024 * 1024;

/** sha256 hex of a body: WebCrypto on one buffer for small files, the incremental hash chunk by chunk for large ones. */
export async function sha256OfBody(body: Blob | Response, size: number | null): Promise<string | null> {
  if (size !== null && size <= STREAM_HASH_BYTES) return sha256Hex(new Uint8Array(await body.arrayBuffer()));
  const stream = body instanceof Blob ? body.stream() : body.body;
  if (!stream) return null;
  const hash = new Sha256();
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) hash.update(r.value);
  return hash.digestHex();
}
/** Content-Length of a response; null when absent. */
export const lengthOf = (res: Response) => {
  const n = Number(res.headers.get('content-length'));
  return res.headers.has('content-length') && Number.isFinite(n) ? n : null;
};

