// What the picker shows, and nothing it does not show: the curated models come from the one model
// registry (src/runtime/models.ts, through the worker client) and whether an id is word vectors or an
// LM is the registry's rule too. Kept here: labels (titles, facts and size lines), the prefixes of
// ids the registry cannot hold — a Hub id typed in (`hub:<org/name>`) and model folders the user
// picked (`local/<name>`, kept in this tab only); user word vectors are `user:<name>` — and
// `lmSourceFor`, which turns a picker id into the LM runtime's source description.
import type { DtypeSize, Modality, ModelEntry } from '../runtime/models';
import { CURATED_MODELS, modelModality, type LmSource } from '../worker/client';
import { DEFAULT_HUB_HOST, hubHostOrNull } from './hubHost';

interface PickerModel {
  id: string;
  title: string;
  modality: Modality;
  /** Shown under the picker. */
  note: string;
  /** Weight formats the model offers. */
  dtypes: readonly string[];
  /** One line of facts: architecture, parameters, chat template, fixture row, verification (LMs); dimensions (vectors). */
  facts: string;
  /** Size label per dtype ("654 MB", "≈135 MB", "≥68 MB"). */
  sizes: Readonly<Record<string, string>>;
}

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "654 MB" as published or measured, "≈135 MB" estimated, "≥68 MB" a lower bound (the registry says how each is made). */
export const sizeLabel = (s: DtypeSize): string =>
  `${s.basis === 'estimate' ? '≈' : s.basis === 'at-least' ? '≥' : ''}${Number.isInteger(s.mb) ? thousands(s.mb) : String(s.mb)} MB`;

/** "135M" / "1.23B" from a parameter count in millions. */
export const parametersLabel = (millions: number): string => (millions >= 1000 ? `${millions / 1000}B` : `${millions}M`);

const whereFrom = (m: ModelEntry) => (m.source === 'hub' ? `needs internet${m.verifiedOnline ? '' : ', not verified online'}` : 'works offline');

/** The picker's facts line for a curated model. */
function modelFacts(m: ModelEntry): string {
  if (m.kind === 'word-embedding') return [`${m.dims} dimensions`, ...m.dtypes, whereFrom(m)].join(' · ');
  return [
    m.architecture,
    `${parametersLabel(m.parametersM)} parameters`,
    m.chatTemplate ? 'chat template' : 'no chat template',
    ...(m.matrixRow ? [`tested offline with ${m.matrixRow}`] : []),
    whereFrom(m),
  ].join(' · ');
}

const pickerModel = (m: ModelEntry): PickerModel => ({
  id: m.id,
  title: m.source === 'hub' ? `${m.title} — needs internet` : m.title,
  modality: modelModality(m.id),
  note: m.note,
  dtypes: m.dtypes,
  facts: modelFacts(m),
  sizes: Object.fromEntries(Object.entries(m.sizes).map(([d, size]) => [d, sizeLabel(size!)])),
});

/** Every curated model in registry order: word vectors, then LMs (embedded before Hub). */
export const PICKER_MODELS: readonly PickerModel[] = Object.freeze(CURATED_MODELS.map(pickerModel));

export const DEFAULT_MODEL_ID = 'glove-6b-100d';
export const HUB_PREFIX = 'hub:';
export const LOCAL_PREFIX = 'local/';

/** Picked folders (their files) by model id; the files live only in this tab. */
const localFolders = new Map<string, Extract<LmSource, { type: 'files' }>>();
export const rememberLocalFolder = (id: string, source: Extract<LmSource, { type: 'files' }>) => void localFolders.set(id, source);
export const localFolderIds = () => [...localFolders.keys()];

export const findPickerModel = (id: string): PickerModel | undefined => PICKER_MODELS.find((m) => m.id === id);

/** True for every id the LM runtime serves (curated LM, free Hub id, picked folder): the registry's modality rule. */
export const isLmModelId = (id: string): boolean => modelModality(id) === 'lm';

/**
 * The LM source for a picker id; null for word-vector models or a folder no longer in this tab. An id
 * the registry does not hold (a Hub model once curated, from stored settings) is read as a Hub id.
 */
export function lmSourceFor(id: string, hubHost: string): LmSource | null {
  if (modelModality(id) !== 'lm') return null;
  if (id.startsWith(LOCAL_PREFIX)) return localFolders.get(id) ?? null;
  if (CURATED_MODELS.some((m) => m.id === id && m.source === 'embedded')) return { type: 'embedded', id };
  const typed = hubHost.trim();
  const parsed = hubHostOrNull(typed);
  // An unparseable host is passed on as typed: the picker refuses to use it, and a load says why.
  const host = parsed === DEFAULT_HUB_HOST ? undefined : (parsed ?? typed);
  return { type: 'hub', id: id.startsWith(HUB_PREFIX) ? id.slice(HUB_PREFIX.length) : id, ...(host ? { remoteHost: host } : {}) };
}

/** What the picker shows for an id (titles for free Hub ids and folders too). */
export function modelTitle(id: string): string {
  if (id.startsWith(HUB_PREFIX)) return `${id.slice(HUB_PREFIX.length)} (Hub)`;
  if (id.startsWith(LOCAL_PREFIX)) return `${id.slice(LOCAL_PREFIX.length)} (your folder)`;
  return findPickerModel(id)?.title ?? id;
}

/** The title without the picker's "— needs internet" suffix, where the model is named as loaded or loading. */
export const modelName = (id: string): string => modelTitle(id).replace(/ — needs internet$/, '');

/** Where a picker id downloads its files from: the Hub host for Hub models; null when it needs no network. */
export function downloadHostFor(id: string, hubHost: string): string | null {
  const source = lmSourceFor(id, hubHost);
  return source?.type === 'hub' ? (source.remoteHost ?? DEFAULT_HUB_HOST) : null;
}
