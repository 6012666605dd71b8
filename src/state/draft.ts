// The editor's draft: what the user is typing, kept as raw text so a half-typed list is never
// rejected mid-keystroke. It is converted to a candidate probe (and validated) on every change,
// and persisted (store.ts) so nothing typed is lost on reload.
import { SET_KEYS, type SetKey } from '../core/association/types';
import type { AssociationProbe } from '../probes/schema';
import { stimulusLines } from '../core/input/stimulusLines';

export type DraftOrigin = { kind: 'builtin' | 'user' | 'import' | 'share' | 'new'; id: string };

export interface ProbeDraft {
  family: 'weat' | 'seat';
  id: string;
  title: string;
  description: string;
  citationText: string;
  citationUrl: string;
  citationDoi: string;
  labels: Record<SetKey, string>;
  /** One stimulus per line (core/input/stimulusLines.ts): commas are part of a stimulus. */
  words: Record<SetKey, string>;
  /** SEAT templates, one per line, each containing {term}. */
  templates: string;
  /** SEAT per-set template overrides (one per line; empty = use the default templates). */
  setTemplates: Record<SetKey, string>;
  origin: DraftOrigin;
}

export const DEFAULT_TEMPLATES = ['This is {term}.', 'That is {term}.', 'There is {term}.', 'Here is {term}.', '{term} is here.', '{term} is there.'];

/** A set box's stimuli: one per line, trimmed, blank lines dropped (the one rule of core/input). */
export { stimulusLines };

export const joinStimuli = (words: readonly string[]) => words.join('\n');

export const emptyDraft = (): ProbeDraft => ({
  family: 'weat',
  id: 'my-probe',
  title: 'My association test',
  description: '',
  citationText: '',
  citationUrl: '',
  citationDoi: '',
  labels: { X: 'Targets X', Y: 'Targets Y', A: 'Attributes A', B: 'Attributes B' },
  words: { X: '', Y: '', A: '', B: '' },
  templates: DEFAULT_TEMPLATES.join('\n'),
  setTemplates: { X: '', Y: '', A: '', B: '' },
  origin: { kind: 'new', id: '' },
});

export function draftFromProbe(probe: AssociationProbe, origin: DraftOrigin): ProbeDraft {
  return {
    family: probe.family,
    id: probe.id,
    title: probe.title,
    description: probe.description ?? '',
    citationText: probe.citation?.text ?? '',
    citationUrl: probe.citation?.url ?? '',
    citationDoi: probe.citation?.doi ?? '',
    labels: {
      X: probe.targets.X.label,
      Y: probe.targets.Y.label,
      A: probe.attributes.A.label,
      B: probe.attributes.B.label,
    },
    words: {
      X: joinStimuli(probe.targets.X.words),
      Y: joinStimuli(probe.targets.Y.words),
      A: joinStimuli(probe.attributes.A.words),
      B: joinStimuli(probe.attributes.B.words),
    },
    templates: probe.family === 'seat' ? probe.templates.join('\n') : DEFAULT_TEMPLATES.join('\n'),
    setTemplates: {
      X: probe.family === 'seat' ? (probe.setTemplates?.X ?? []).join('\n') : '',
      Y: probe.family === 'seat' ? (probe.setTemplates?.Y ?? []).join('\n') : '',
      A: probe.family === 'seat' ? (probe.setTemplates?.A ?? []).join('\n') : '',
      B: probe.family === 'seat' ? (probe.setTemplates?.B ?? []).join('\n') : '',
    },
    origin,
  };
}


/** The unvalidated object the schema is asked about. */
export function candidateFromDraft(d: ProbeDraft): Record<string, unknown> {
  // A word listed twice counts once (validation.ts says so beside the set).
  const set = (k: SetKey) => ({ label: d.labels[k], words: [...new Set(stimulusLines(d.words[k]))] });
  const citation = d.citationText.trim()
    ? {
        text: d.citationText.trim(),
        ...(d.citationUrl.trim() ? { url: d.citationUrl.trim() } : {}),
        ...(d.citationDoi?.trim() ? { doi: d.citationDoi.trim() } : {}),
      }
    : undefined;
  return {
    family: d.family,
    id: d.id.trim(),
    title: d.title,
    ...(d.description.trim() ? { description: d.description } : {}),
    ...(citation ? { citation } : {}),
    targets: { X: set('X'), Y: set('Y') },
    attributes: { A: set('A'), B: set('B') },
    ...(d.family === 'seat' ? { templates: stimulusLines(d.templates) } : {}),
    ...(d.family === 'seat' && SET_KEYS.some((k) => stimulusLines(d.setTemplates?.[k] ?? '').length)
      ? { setTemplates: Object.fromEntries(SET_KEYS.filter((k) => stimulusLines(d.setTemplates[k]).length).map((k) => [k, stimulusLines(d.setTemplates[k])])) }
      : {}),
  };
}

/** A copy of a probe the user may edit: new id and title so it never shadows the original. */
export function duplicateDraft(probe: AssociationProbe): ProbeDraft {
  const d = draftFromProbe(probe, { kind: 'new', id: probe.id });
  d.id = `${probe.id}-copy`.slice(0, 80);
  d.title = `${probe.title} (copy)`;
  return d;
}
