// The special functions under the inductive-bias estimate against scipy (reference.py →
// reference.json, pasted from scipy 1.10.1): ln Φ far into the tail (as bits), ln P(a, x), and the
// scaled non-central χ² log-density and log-CDF, including points where the CDF is ~10⁻¹⁰.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logNormalCdf } from '../../../src/core/inductiveBias/logNormalCdf';
import { logRegularizedLowerGamma } from '../../../src/core/inductiveBias/logRegularizedGamma';
import { noncentralChiSquaredLogCdf, noncentralChiSquaredLogPdf } from '../../../src/core/inductiveBias/noncentralChiSquared';

interface Reference {
  normalBits: { z: number; bits: number }[];
  logGammaP: { a: number; x: number; logP: number }[];
  ncx2: { k: number; lambda: number; scale: number; x: number; logPdf: number; logCdf: number }[];
}
const reference = JSON.parse(readFileSync(join(__dirname, 'reference.json'), 'utf8')) as Reference;

const close = (actual: number, expected: number, relative: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));

describe('logNormalCdf', () => {
  it.each(reference.normalBits)('gives −log₂ Φ($z) = $bits bits', ({ z, bits }) => {
    close(-logNormalCdf(z) / Math.LN2, bits, 1e-12);
  });
});

describe('logRegularizedLowerGamma', () => {
  it.each(reference.logGammaP)('ln P($a, $x) = $logP', ({ a, x, logP }) => {
    close(logRegularizedLowerGamma(a, x), logP, 1e-12);
  });
});

describe('scaled non-central χ²', () => {
  it.each(reference.ncx2)('k $k, λ $lambda, s $scale at $x: log-density and log-CDF', ({ k, lambda, scale, x, logPdf, logCdf }) => {
    const d = { degreesOfFreedom: k, noncentrality: lambda, scale };
    close(noncentralChiSquaredLogPdf(x, d), logPdf, 1e-10);
    close(noncentralChiSquaredLogCdf(x, d), logCdf, 1e-10);
  });
});
