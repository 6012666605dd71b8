// The option orders an MCQ position-bias probe presents. Cyclic shifts (k orders) put every option
// at every position exactly once — the design of Zheng et al. (2024) for PriDe — while all k!
// orders also balance which options are neighbours; with 4 options that is 24 prompts per question.
import { InvalidLmInputError } from '../../errors';

/**
 * The k cyclic shifts of `options`: shift s shows options[(s + p) mod k] at position p; shift 0 is
 * the original order. Source: Zheng et al. (2024), ICLR, §4 (cyclic permutation of option contents).
 * @throws {InvalidLmInputError} when there are fewer than 2 options or duplicates
 */
export function cyclicOrders<T>(options: readonly T[]): T[][] {
  checkOptions(options);
  const k = options.length;
  return Array.from({ length: k }, (_, shift) => Array.from({ length: k }, (_, position) => options[(shift + position) % k]!));
}

/**
 * All k! orders of `options` in lexicographic order of positions (the first is the original order).
 * Limited to k ≤ 8 (40,320 orders).
 * @throws {InvalidLmInputError} when there are fewer than 2 or more than 8 options, or duplicates
 */
export function allOrders<T>(options: readonly T[]): T[][] {
  checkOptions(options);
  if (options.length > 8) throw new InvalidLmInputError(`all orders of ${options.length} options are too many (${options.length}! prompts); use cyclic orders`);
  const result: T[][] = [];
  const permute = (prefix: T[], rest: T[]) => {
    if (rest.length === 0) {
      result.push(prefix);
      return;
    }
    rest.forEach((item, i) => permute([...prefix, item], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], [...options]);
  return result;
}

function checkOptions<T>(options: readonly T[]): void {
  if (options.length < 2) throw new InvalidLmInputError(`a multiple-choice question needs at least 2 options, got ${options.length}`);
  if (new Set(options).size !== options.length) throw new InvalidLmInputError('options of a question must be distinct');
}
