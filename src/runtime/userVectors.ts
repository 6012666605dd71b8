// User-supplied word vectors (word2vec/GloVe text): parsed incrementally from a Blob stream with
// byte progress and an incremental sha256, then served by the same lookup code as the embedded
// model, in plain JS (backend 'js': a Map and a Float32Array need no ONNX Runtime).
import { InvalidVectorError, ParseError } from '../core/errors';
import { TextVectorParser, type ParsedVectors } from '../core/embeddings/parseTextVectors';
import { Sha256 } from './assetDigest';
import { USER_MODEL_PREFIX } from './models';
import type { LoadedModelInfo, ProgressCallback } from './types';
import { VectorLookupModel } from './vectorLookup';

class UserVectorModel extends VectorLookupModel {
  private constructor(
    info: LoadedModelInfo,
    vocab: ReadonlyMap<string, number>,
    private readonly data: Float32Array,
  ) {
    super(info, vocab);
  }

  /** Wrap parsed vectors. @throws InvalidVectorError for non-finite values (the parser already rejects them) */
  static fromParsed(parsed: ParsedVectors, meta: { name: string; assetSha256: string }): UserVectorModel {
    for (let i = 0; i < parsed.data.length; i++) {
      if (!Number.isFinite(parsed.data[i]!)) throw new InvalidVectorError(`${meta.name}: non-finite value in '${parsed.words[Math.floor(i / parsed.dims)]}'`);
    }
    const vocab = new Map(parsed.words.map((w, i) => [w, i]));
    const info: LoadedModelInfo = {
      id: `${USER_MODEL_PREFIX}${meta.name}`,
      kind: 'word-embedding',
      title: meta.name,
      backend: 'js',
      dims: parsed.dims,
      vocabularySize: parsed.words.length,
      assetSha256: meta.assetSha256,
      dtype: 'float32',
      precision: 'float32, as read from the file',
      duplicates: parsed.duplicates,
    };
    return new UserVectorModel(info, vocab, parsed.data);
  }

  protected async fetchRows(rows: readonly number[]): Promise<Float32Array> {
    const dims = this.info.dims;
    const out = new Float32Array(rows.length * dims);
    rows.forEach((r, i) => out.set(this.data.subarray(r * dims, (r + 1) * dims), i * dims));
    return out;
  }

  async dispose(): Promise<void> {}
}

/**
 * Stream a Blob/File through the parser: UTF-8 decoding, byte progress events ('initiate',
 * 'download', 'progress', 'done', 'ready' with backend 'js') and sha256 of the raw bytes.
 * @throws ParseError (with the line number) on malformed input, or naming how far a failed read got
 */
export async function loadUserVectorsFromBlob(file: Blob, name: string, onProgress?: ProgressCallback): Promise<UserVectorModel> {
  const emit = onProgress ?? (() => {});
  const id = `${USER_MODEL_PREFIX}${name}`;
  const total = file.size;
  emit({ status: 'initiate', name: id, file: name });
  emit({ status: 'download', name: id, file: name, total });
  const parser = new TextVectorParser();
  const decoder = new TextDecoder('utf-8');
  const hash = new Sha256();
  const reader = file.stream().getReader();
  let loaded = 0;
  let lastEmit = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (e) {
      // The file moved or changed on disk while it was read: say how far it got, keep nothing.
      throw new ParseError(`Reading ${name} stopped after ${loaded.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} bytes (${e instanceof Error ? e.message : String(e)}); choose the file again.`);
    }
    const { done, value } = chunk;
    if (done) break;
    hash.update(value);
    loaded += value.length;
    parser.push(decoder.decode(value, { stream: true }));
    if (loaded - lastEmit >= 1 << 20 || loaded === total) {
      lastEmit = loaded;
      emit({ status: 'progress', name: id, file: name, loaded, total, progress: total ? (100 * loaded) / total : undefined });
    }
  }
  parser.push(decoder.decode());
  const parsed = parser.finish();
  emit({ status: 'done', name: id, file: name });
  const model = UserVectorModel.fromParsed(parsed, { name, assetSha256: hash.digestHex() });
  emit({ status: 'ready', name: id, backend: 'js' });
  return model;
}
