import { describe, expect, it } from 'vitest';
import { entriesOfModel, entriesToRefetch, hubFileUrl, offlineModels, parseHubFileUrl } from '../../src/core/hubCacheKeys';

const HF = 'https://huggingface.co/';

describe('Hub cache keys', () => {
  it('builds the URL transformers.js caches under, and parses it back', () => {
    const url = hubFileUrl(HF, 'Xenova/gpt2', 'main', 'onnx/model_quantized.onnx');
    expect(url).toBe('https://huggingface.co/Xenova/gpt2/resolve/main/onnx/model_quantized.onnx');
    expect(parseHubFileUrl(url)).toEqual({ host: HF, id: 'Xenova/gpt2', revision: 'main', file: 'onnx/model_quantized.onnx' });
  });

  it('reads a mirror under a path, an encoded revision and a one-part id', () => {
    expect(parseHubFileUrl('https://mirror.example/hf/Xenova/gpt2/resolve/refs%2Fpr%2F1/config.json')).toEqual({
      host: 'https://mirror.example/hf/',
      id: 'Xenova/gpt2',
      revision: 'refs/pr/1',
      file: 'config.json',
    });
    expect(parseHubFileUrl('https://huggingface.co/gpt2/resolve/main/config.json')?.id).toBe('gpt2');
    expect(hubFileUrl('https://h.example', 'a/b', 'refs/pr/1', 'x.json')).toBe('https://h.example/a/b/resolve/refs%2Fpr%2F1/x.json');
  });

  it('ignores keys that are not Hub files', () => {
    expect(parseHubFileUrl('https://huggingface.co/api/models/Xenova/gpt2')).toBeNull();
    expect(parseHubFileUrl('http://127.0.0.1/models/workbench/tiny-gpt2/config.json')).toBeNull();
  });

  const entries = [
    { url: hubFileUrl(HF, 'Xenova/gpt2', 'main', 'config.json'), bytes: 665 },
    { url: hubFileUrl(HF, 'Xenova/gpt2', 'main', 'onnx/model_quantized.onnx'), bytes: 1_000_000 },
    { url: hubFileUrl(HF, 'Xenova/bert-base-uncased', 'main', 'config.json'), bytes: 570 },
    { url: hubFileUrl(HF, 'Xenova/gpt2', 'v2', 'config.json'), bytes: null },
    { url: 'https://example.com/other', bytes: 5 },
  ];

  it('lists stored models with their file count and bytes, and what removing one deletes', () => {
    expect(offlineModels(entries)).toEqual([
      { id: 'Xenova/bert-base-uncased', files: 1, bytes: 570 },
      { id: 'Xenova/gpt2', files: 3, bytes: 1_000_665 },
    ]);
    expect(entriesOfModel(entries, 'Xenova/gpt2')).toEqual([entries[0]!.url, entries[1]!.url, entries[3]!.url]);
  });

  it('refetches only files of this model and revision whose length differs from the Hub listing', () => {
    const sizes = { 'config.json': 665, 'onnx/model_quantized.onnx': 1_234_567 };
    expect(entriesToRefetch(entries, HF, 'Xenova/gpt2', 'main', sizes)).toEqual([entries[1]!.url]);
    expect(entriesToRefetch(entries, HF, 'Xenova/gpt2', 'main', { 'config.json': 665 })).toEqual([]);
    expect(entriesToRefetch(entries, HF, 'Xenova/gpt2', 'v2', { 'config.json': 1 })).toEqual([]);
  });
});
