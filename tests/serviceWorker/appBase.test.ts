import { describe, expect, it } from 'vitest';
import { appBaseFor } from '../../src/runtime/appBase';

describe('appBaseFor', () => {
  it('relative build: the root is one level above the chunk, whatever the sub-path', () => {
    expect(appBaseFor('./', 'https://u.github.io/bias-workbench/assets/model.worker-abc.js', 'https://u.github.io')).toBe('https://u.github.io/bias-workbench/');
    expect(appBaseFor('./', 'http://127.0.0.1:4192/assets/index-x.js', 'http://127.0.0.1:4192')).toBe('http://127.0.0.1:4192/');
    expect(appBaseFor('', 'http://h/a/b/assets/x.js', 'http://h')).toBe('http://h/a/b/');
  });

  it('absolute base (dev server): the origin plus the base', () => {
    expect(appBaseFor('/', 'http://127.0.0.1:5173/src/runtime/appBase.ts', 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173/');
    expect(appBaseFor('/sub/', 'http://h/src/runtime/appBase.ts', 'http://h')).toBe('http://h/sub/');
  });
});
