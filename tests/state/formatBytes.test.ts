// Byte counts as the History page shows them: decimal units, one decimal below 10 units.
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/state/formatBytes';

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(3_200_000)).toBe('3.2 MB');
    expect(formatBytes(1_234_567_890)).toBe('1.2 GB');
    expect(formatBytes(74_000)).toBe('74 kB');
  });
  it('says ? for what is not a byte count', () => {
    expect(formatBytes(Number.NaN)).toBe('?');
    expect(formatBytes(-1)).toBe('?');
  });
});
