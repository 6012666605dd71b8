// What several fault-suite files share: a small valid WEAT probe to break one field at a time, and
// the check that a bad input is refused with the named error class a user's message comes from.
import { expect } from 'vitest';

/** A minimal valid WEAT probe (two words per set), fresh on each call so a case can break it. */
export const smallProbe = () => ({
  family: 'weat',
  id: 'tiny',
  title: 'Tiny',
  targets: { X: { label: 'Flowers', words: ['aster', 'rose'] }, Y: { label: 'Insects', words: ['ant', 'flea'] } },
  attributes: { A: { label: 'Pleasant', words: ['love', 'peace'] }, B: { label: 'Unpleasant', words: ['abuse', 'crash'] } },
});

/** Run fn, expect it to throw an instance of cls (by class and by name, as errors cross threads), return the error. */
export const thrown = <E extends Error>(fn: () => unknown, cls: new (...a: never[]) => E): E => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(cls);
    expect((e as Error).name).toBe(cls.name);
    return e as E;
  }
  throw new Error('expected a throw');
};
