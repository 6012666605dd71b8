// The WASM thread rule (src/runtime/wasmThreads.ts) and the Node knob the bench uses to run ORT with
// it (setNodeWasmThreads). This file loads ORT itself: vitest gives each test file its own module
// graph, so the thread count is set here before ORT's first load, as the bench does.
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/errors';
import { getOrt, setNodeWasmThreads } from '../../src/runtime/ort';
import { wasmThreadsFor } from '../../src/runtime/wasmThreads';

describe('wasmThreadsFor', () => {
  it('one thread unless the page is cross-origin isolated', () => {
    expect(wasmThreadsFor(8, false)).toBe(1);
    expect(wasmThreadsFor(2, false)).toBe(1);
  });
  it('isolated: one per core, at most 4', () => {
    expect([1, 2, 3, 4, 8, 64].map((c) => wasmThreadsFor(c, true))).toEqual([1, 2, 3, 4, 4, 4]);
  });
  it('a missing or odd core count gives 1', () => {
    expect([0, -2, Number.NaN, 1.9].map((c) => wasmThreadsFor(c, true))).toEqual([1, 1, 1, 1]);
  });
});

describe('setNodeWasmThreads', () => {
  it('rejects counts outside 1..16', () => {
    for (const n of [0, 17, 1.5, Number.NaN]) expect(() => setNodeWasmThreads(n)).toThrow(InvalidOptionError);
  });

  it('is what ORT is initialised with, and cannot change once ORT has loaded', async () => {
    setNodeWasmThreads(2);
    const ort = await getOrt('wasm');
    expect(ort.env.wasm.numThreads).toBe(2);
    expect(() => setNodeWasmThreads(2)).not.toThrow(); // the same count is fine
    expect(() => setNodeWasmThreads(1)).toThrow(/already running with 2 WASM thread/);
  });
});
