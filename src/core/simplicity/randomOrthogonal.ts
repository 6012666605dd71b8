// A random rotation of the LMS-k input space (their `random_transform`): after it no single input
// unit carries one coordinate, so the network has to find the linear direction. Gram–Schmidt on the
// columns of a Gaussian matrix is the QR decomposition with a positive diagonal in R, which makes
// the orthogonal factor Haar-distributed (uniform over rotations and reflections).
import type { Uint32Stream } from '../rng';
import { standardNormal } from './seededDraws';

/**
 * A d×d orthogonal matrix (row-major) with Haar distribution: modified Gram–Schmidt on the columns
 * of a matrix of independent standard normals (re-drawn in the measure-zero case of a dependent column).
 * Source: Mezzadri (2007), "How to generate random matrices from the classical compact groups",
 * Notices AMS 54:592–604 (QR of a Ginibre matrix with R's diagonal made positive). Never throws.
 */
export function randomOrthogonal(stream: Uint32Stream, d: number): Float64Array {
  const q = new Float64Array(d * d);
  const column = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    for (;;) {
      for (let i = 0; i < d; i++) column[i] = standardNormal(stream);
      for (let k = 0; k < j; k++) {
        let projection = 0;
        for (let i = 0; i < d; i++) projection += q[i * d + k]! * column[i]!;
        for (let i = 0; i < d; i++) column[i] = column[i]! - projection * q[i * d + k]!;
      }
      let norm = 0;
      for (let i = 0; i < d; i++) norm += column[i]! * column[i]!;
      norm = Math.sqrt(norm);
      if (norm > 1e-8) {
        for (let i = 0; i < d; i++) q[i * d + j] = column[i]! / norm;
        break;
      }
    }
  }
  return q;
}
