// How values become CSV cells in every family's columns: numbers at full precision (JS shortest
// round-trip form) and absent or non-finite values as empty cells; lists inside one cell joined with
// "; "; lists of numbers bracketed ("[-1.2; -0.3]") so a leading minus is never taken for a formula
// (the exporter guards string cells against spreadsheet formula injection).
import type { CsvCell } from '../types';

export const num = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

export const LIST_SEPARATOR = '; ';
export const list = (xs: readonly (string | number)[]): string => xs.join(LIST_SEPARATOR);
/** Numbers in one cell, bracketed so a leading minus sign is not taken for a formula: "[-1.2; -0.3]". */
export const numberList = (xs: readonly number[]): string => `[${xs.join(LIST_SEPARATOR)}]`;
export const keyValues = (o: Record<string, string | number>): string =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(LIST_SEPARATOR);
/** Prompt families: "true" when the prompt went through the model's chat template; empty for runs recorded before this was. */
export const chatTemplateCell = (used: boolean | undefined): CsvCell => (used === undefined ? null : String(used));
/** The run id cell: empty when results are exported without a run record. */
export const runIdCell = (runId: string): CsvCell => (runId === '' ? null : runId);
