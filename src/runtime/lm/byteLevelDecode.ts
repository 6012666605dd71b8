// The tokenizer's decode (skip_special_tokens, no clean-up) for tokenizers whose decoder is plain
// ByteLevel (GPT-2, Qwen, Llama 3, RoBERTa, GPT-NeoX), with each token's bytes worked out once.
//
// Why: the continuation boundary search (continuationBoundary.ts) decodes ever longer runs of a
// prompt's tokens, every run whole, so its cost is quadratic in the prompt's length; transformers.js
// maps every character of every run back to its byte in JavaScript on each call, and that was
// most of a decision-template probe's tokenizer time. Here a decode is a copy of precomputed bytes
// and one native UTF-8 decode. It does what the library's ByteLevel decoder does, step by step:
// ids past the vocabulary read as the unknown token (as nothing without one); special tokens (by
// their text) are dropped; each run of ordinary tokens is decoded on its own as UTF-8 (invalid
// sequences become U+FFFD, a character outside the byte alphabet reads as byte 0, as the library's
// Uint8Array makes it); added tokens in between are their text. Any other decoder, or a tokenizer
// object without the fields read here, gets null, and the caller keeps the library's decode. The
// tests compare the two on every ByteLevel fixture tokenizer over random id runs (special, added and
// unknown ids included).

/** What the library's Tokenizer (from @huggingface/tokenizers) holds and this reads. */
interface InnerTokenizer {
  decoder?: { end_of_word_suffix?: string | null; added_tokens?: ReadonlyArray<{ content: string }> } | null;
  special_tokens?: readonly string[];
  model?: { vocab?: ReadonlyArray<string | undefined>; unk_token?: string | null };
}

type Piece = { kind: 'skip' } | { kind: 'added'; text: string } | { kind: 'bytes'; bytes: Uint8Array };

/** The GPT-2 byte ↔ unicode table (bytes_to_unicode), inverted: a code unit → its byte. */
function unicodeToBytes(): Map<string, number> {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const table = new Map<string, number>();
  let next = 0;
  for (let b = 0; b < 256; b++) table.set(String.fromCharCode(printable(b) ? b : 256 + next++), b);
  return table;
}

/**
 * A decode equal to `tokenizer.decode(ids, { skip_special_tokens: true, clean_up_tokenization_spaces: false })`,
 * or null when the tokenizer's decoder is not plain ByteLevel.
 * @param tokenizerJson the tokenizer.json the tokenizer was built from
 * @param inner the library's Tokenizer object (transformers.js keeps it as `_tokenizer`)
 */
export function byteLevelDecoder(tokenizerJson: unknown, inner: unknown): ((ids: readonly number[]) => string) | null {
  const type = (tokenizerJson as { decoder?: { type?: unknown } } | null)?.decoder?.type;
  const tok = inner as InnerTokenizer | null;
  const vocab = tok?.model?.vocab;
  const special = tok?.special_tokens;
  const added = tok?.decoder?.added_tokens;
  if (type !== 'ByteLevel' || !tok?.decoder || tok.decoder.end_of_word_suffix || !Array.isArray(vocab) || !Array.isArray(special) || !Array.isArray(added)) return null;
  const toByte = unicodeToBytes();
  const specialSet = new Set(special);
  const addedSet = new Set(added.map((a) => a.content));
  const unk = tok.model?.unk_token ?? undefined;
  const pieces = new Map<number, Piece>();
  const pieceOf = (id: number): Piece => {
    let piece = pieces.get(id);
    if (piece) return piece;
    const text = vocab[id] ?? unk;
    // An id past a vocabulary without an unknown token reads as nothing (the library joins `undefined` as '').
    if (text === undefined) piece = { kind: 'bytes', bytes: new Uint8Array(0) };
    else if (specialSet.has(text)) piece = { kind: 'skip' };
    else if (addedSet.has(text)) piece = { kind: 'added', text };
    else piece = { kind: 'bytes', bytes: Uint8Array.from([...text], (c) => toByte.get(c) ?? 0) };
    pieces.set(id, piece);
    return piece;
  };
  const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  let buffer = new Uint8Array(256);
  return (ids) => {
    let out = '';
    let used = 0;
    const flush = () => {
      if (used > 0) out += utf8.decode(buffer.subarray(0, used));
      used = 0;
    };
    for (const id of ids) {
      const piece = pieceOf(id);
      if (piece.kind === 'skip') continue;
      if (piece.kind === 'added') {
        flush();
        out += piece.text;
        continue;
      }
      if (used + piece.bytes.length > buffer.length) {
        const grown = new Uint8Array(Math.max(buffer.length * 2, used + piece.bytes.length));
        grown.set(buffer.subarray(0, used));
        buffer = grown;
      }
      buffer.set(piece.bytes, used);
      used += piece.bytes.length;
    }
    flush();
    return out;
  };
}
