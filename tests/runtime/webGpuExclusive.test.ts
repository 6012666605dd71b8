// The WebGPU queue: work started together (a session creation beside another session's run) runs one
// call after another — never two under way at once, which ONNX Runtime Web's WebGPU build refuses or
// is corrupted by — in the order it was queued, and a call that fails neither blocks the next nor
// loses its own error.
import { describe, expect, it } from 'vitest';
import { oneWebGpuCallAtATime, webGpuExclusive } from '../../src/runtime/webGpuExclusive';

describe('oneWebGpuCallAtATime', () => {
  it('runs overlapping calls one at a time, in order, passing results and errors through', async () => {
    let underWay = 0;
    let mostAtOnce = 0;
    const order: string[] = [];
    const call = async (name: string, ms: number, fail = false) => {
      underWay++;
      mostAtOnce = Math.max(mostAtOnce, underWay);
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`end ${name}`);
      underWay--;
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
    const forward = webGpuExclusive((name: string) => call(name, 20));
    const a = oneWebGpuCallAtATime(() => call('create glove', 30));
    const b = forward('lm warm-up run');
    const c = oneWebGpuCallAtATime(() => call('create lm', 5, true));
    const d = forward('lm run');
    await expect(a).resolves.toBe('create glove');
    await expect(b).resolves.toBe('lm warm-up run');
    await expect(c).rejects.toThrow('create lm failed');
    await expect(d).resolves.toBe('lm run');
    expect(mostAtOnce).toBe(1);
    expect(order).toEqual([
      'start create glove', 'end create glove',
      'start lm warm-up run', 'end lm warm-up run',
      'start create lm', 'end create lm',
      'start lm run', 'end lm run',
    ]);
  });
});
