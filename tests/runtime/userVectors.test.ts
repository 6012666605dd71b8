// loadUserVectorsFromBlob: streamed parsing with a running sha256 (equal to Node's), progress, and
// the same lookup semantics as the embedded model.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/core/errors';
import { loadUserVectorsFromBlob } from '../../src/runtime/userVectors';
import type { ModelProgress } from '../../src/runtime/types';

describe('loadUserVectorsFromBlob', () => {
  it('parses a multi-chunk file, hashes the raw bytes, and embeds words and sentences', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `w${i} ${i % 7} ${-(i % 5)} 0.5`);
    lines.push('this 1 1 1', 'is 2 2 2', '. 3 3 3', 'café 4 4 4');
    const text = lines.join('\r\n') + '\r\n';
    const blob = new Blob([text]);
    const events: ModelProgress[] = [];
    const m = await loadUserVectorsFromBlob(blob, 'big.txt', (p) => events.push(p));
    expect(m.info.vocabularySize).toBe(40_004);
    expect(m.info.dims).toBe(3);
    expect(m.info.assetSha256).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    const progress = events.filter((e) => e.status === 'progress');
    expect(progress.at(-1)).toMatchObject({ loaded: blob.size, total: blob.size, progress: 100 });
    const [a, b] = await m.embedWords(['w12', 'Café']);
    expect(Array.from(a!)).toEqual([5, -2, 0.5]);
    expect(Array.from(b!)).toEqual([4, 4, 4]);
    const [s] = await m.embedSentences(['This is café.']);
    expect(Array.from(s!)).toEqual([2.5, 2.5, 2.5]);
  });

  it('rejects with ParseError carrying the line number', async () => {
    await expect(loadUserVectorsFromBlob(new Blob(['a 1 2\nb 1 two\n']), 'x')).rejects.toThrow(ParseError);
    await expect(loadUserVectorsFromBlob(new Blob(['a 1 2\nb 1 two\n']), 'x')).rejects.toThrow(/^line 2: 'two'/);
  });
});
