// The WebGPU session queue: creations started together run one after another (never two under way at
// once, which ONNX Runtime Web's WebGPU backend refuses), in the order they were queued, and one that
// fails neither blocks the next nor loses its own error.
import { describe, expect, it } from 'vitest';
import { oneWebGpuSessionAtATime } from '../../src/runtime/webGpuSessionQueue';

describe('oneWebGpuSessionAtATime', () => {
  it('runs overlapping creations one at a time, in order, passing results and errors through', async () => {
    let underWay = 0;
    let mostAtOnce = 0;
    const order: string[] = [];
    const creation = (name: string, ms: number, fail = false) => async () => {
      underWay++;
      mostAtOnce = Math.max(mostAtOnce, underWay);
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`end ${name}`);
      underWay--;
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
    const a = oneWebGpuSessionAtATime(creation('glove', 30));
    const b = oneWebGpuSessionAtATime(creation('lm', 5, true));
    const c = oneWebGpuSessionAtATime(creation('warm-up', 1));
    await expect(a).resolves.toBe('glove');
    await expect(b).rejects.toThrow('lm failed');
    await expect(c).resolves.toBe('warm-up');
    expect(mostAtOnce).toBe(1);
    expect(order).toEqual(['start glove', 'end glove', 'start lm', 'end lm', 'start warm-up', 'end warm-up']);
  });
});
