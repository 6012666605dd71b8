// Reading float16 tensors (src/runtime/lm/float16.ts). Expected values are IEEE 754 binary16
// definitions: 0x3c00 = 1, 0xc000 = −2, 0x7bff = 65504 (largest finite), 0x0400 = 2^−14 (smallest
// normal), 0x0001 = 2^−24 (smallest subnormal), 0x3555 = 2^−2 · (1 + 341/1024) ≈ 1/3, 0x7c00 = ∞,
// 0x7e00 = NaN.
import { describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../../src/core/errors';
import { floatValues, halfBitsOf, halfBitsToFloat32 } from '../../../src/runtime/lm/float16';
import { float32ToHalfBits } from './halfBits';

const BITS = [0x3c00, 0xc000, 0x7bff, 0x0400, 0x0001, 0x3555, 0x0000, 0x8000, 0x7c00, 0xfc00];
const VALUES = [1, -2, 65504, 2 ** -14, 2 ** -24, 0.25 * (1 + 341 / 1024), 0, -0, Infinity, -Infinity];

describe('float16', () => {
  it('decodes half bits by the IEEE definition (normals, subnormals, zeros, infinities, NaN)', () => {
    expect(Array.from(halfBitsToFloat32(Uint16Array.from(BITS)))).toEqual(VALUES);
    expect(Number.isNaN(halfBitsToFloat32(Uint16Array.of(0x7e00))[0])).toBe(true);
  });

  it('the test encoder is the decoder’s inverse on every finite half (round trip of all 63,488 patterns)', () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i).filter((b) => (b & 0x7c00) !== 0x7c00);
    expect(float32ToHalfBits(halfBitsToFloat32(all))).toEqual(all);
    // Rounding to nearest even between 1 and 1 + 2^-10.
    expect(Array.from(float32ToHalfBits([1 + 2 ** -11, 1 + 3 * 2 ** -11]))).toEqual([0x3c00, 0x3c02]);
  });

  it('floatValues: float32 as is (no copy), float16 widened, float64 narrowed, other types refused by name', () => {
    const f32 = new Float32Array([1.5, -2]);
    expect(floatValues({ type: 'float32', data: f32 }, 'x')).toBe(f32);
    expect(Array.from(floatValues({ type: 'float16', data: Uint16Array.from(BITS) }, 'x'))).toEqual(VALUES);
    expect(Array.from(floatValues({ type: 'float64', data: new Float64Array([0.5]) }, 'x'))).toEqual([0.5]);
    expect(() => floatValues({ type: 'int32', data: new Int32Array(1) }, 'output "logits" of onnx/model.onnx')).toThrow(
      new UnsupportedModelError('output "logits" of onnx/model.onnx is int32; this runtime reads float32, float16 and float64 outputs.'),
    );
  });

  it('a 16-bit view that is not a Uint16Array (a Float16Array where the engine has one) is read as its bits, without a copy', () => {
    const view = new Int16Array(Uint16Array.from(BITS).buffer);
    const bits = halfBitsOf({ type: 'float16', data: view }, 'x');
    expect(bits).toBeInstanceOf(Uint16Array);
    expect(bits.buffer).toBe(view.buffer);
    expect(Array.from(bits)).toEqual(BITS);
  });
});
