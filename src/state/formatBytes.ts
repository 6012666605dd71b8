// Byte counts for people: decimal units (kB, MB, GB, as browsers' own storage settings show them),
// whole units from 10 up, one decimal below.
const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  if (n < 1000) return `${Math.round(n)} bytes`;
  let v = n;
  let u = 0;
  while (v >= 1000 && u < UNITS.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${UNITS[u]}`;
}
