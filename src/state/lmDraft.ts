// The LM probe editor's draft: the probe as JSON text, validated on every change against the LM
// schema (src/probes lmSchema via validateAnyProbe), with errors that name their path
// ("pairs.3.less: is missing") and, for a JSON syntax error, the line and column.
import { ProbeValidationError } from '../core/errors';
import { LM_BUILTIN_PROBES, isAnyBuiltinId } from '../probes/builtin';
import { importCrowsPairsCsv } from '../probes/import/crowsPairs';
import { isLmProbe, type LmProbe } from '../probes/lmSchema';
import { validateAnyProbe } from '../probes/validate';
import type { DraftOrigin } from './draft';
import type { LmDraft } from './store';

export interface LmIssue {
  level: 'error' | 'warning';
  path: string;
  message: string;
}

export interface LmDraftValidation {
  probe: LmProbe | null;
  issues: LmIssue[];
  errors: number;
}

/** Line and column (1-based) of a character offset. */
const lineCol = (text: string, offset: number) => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
};

export function validateLmDraft(text: string): LmDraftValidation {
  if (!text.trim()) return { probe: null, issues: [{ level: 'error', path: '', message: 'The editor is empty: open an LM probe from the library or paste probe JSON.' }], errors: 1 };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    // V8 says "… at position N (line L column C)" for some errors and "Unexpected token 'x', "…x…" is
    // not valid JSON" for others: locate the quoted excerpt then.
    const pos = /position (\d+)/.exec(msg);
    const excerpt = /^Unexpected token '(.)', "?(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(msg);
    let where = pos ? lineCol(text, Number(pos[1])) : null;
    if (!where && excerpt) {
      const at = text.indexOf(excerpt[2]!);
      const inEx = excerpt[2]!.indexOf(excerpt[1]!);
      if (at >= 0 && inEx >= 0) where = lineCol(text, at + inEx);
    }
    return { probe: null, issues: [{ level: 'error', path: '', message: `Not valid JSON${where ? ` at line ${where.line}, column ${where.col}` : ''}: ${msg}` }], errors: 1 };
  }
  const v = validateAnyProbe(json);
  const issues: LmIssue[] = v.issues.map((i) => ({ level: i.severity, path: i.path, message: i.message }));
  if (v.probe && !isLmProbe(v.probe)) {
    issues.push({ level: 'error', path: 'family', message: `"${v.probe.family}" is a word-vector test: open it with “Import probe or word sets…” in the WEAT/SEAT editor.` });
  }
  const errors = issues.filter((i) => i.level === 'error').length;
  return { probe: errors === 0 && v.probe && isLmProbe(v.probe) ? v.probe : null, issues, errors };
}

export const lmProbeText = (p: LmProbe): string => `${JSON.stringify(p, null, 2)}\n`;

export const lmDraftFromProbe = (p: LmProbe, origin: DraftOrigin): LmDraft => ({ text: lmProbeText(p), origin });

/** A copy the user may edit and save: new id and title so it never shadows the original. */
export const duplicateLmDraft = (p: LmProbe): LmDraft =>
  lmDraftFromProbe({ ...p, id: `${p.id}-copy`.slice(0, 80), title: `${p.title} (copy)` } as LmProbe, { kind: 'new', id: p.id });

/** LM built-ins grouped by family, registry order. */
export function lmBuiltinsByFamily(): { family: LmProbe['family']; probes: LmProbe[] }[] {
  const groups = new Map<LmProbe['family'], LmProbe[]>();
  for (const p of Object.values(LM_BUILTIN_PROBES) as LmProbe[]) {
    const list = groups.get(p.family) ?? [];
    list.push(p);
    groups.set(p.family, list);
  }
  return [...groups].map(([family, probes]) => ({ family, probes }));
}

export const isReservedProbeId = (id: string) => isAnyBuiltinId(id);

/** A CrowS-Pairs CSV as a counterfactual-pairs probe; rejected rows are listed with line numbers. */
export function lmProbeFromCrowsCsv(text: string, filename: string): { probe: LmProbe; skipped: string[] } {
  const id = filename.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'crows-pairs';
  const r = importCrowsPairsCsv(text, { id, title: `CrowS-Pairs from ${filename}` });
  return { probe: r.probe, skipped: r.errors.map((e) => e.message) };
}

/** A probe JSON file for the LM editor (any LM family). */
export function lmProbeFromJsonFile(text: string, filename: string): LmProbe {
  const v = validateLmDraft(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!v.probe) throw new ProbeValidationError(`${filename}: ${v.issues.filter((i) => i.level === 'error').map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
  return v.probe;
}
