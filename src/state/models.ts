// The models the picker offers. Data, like the probe registry: the embedded GloVe, the language
// models of the LM catalogue (embedded tiny GPT-2 / tiny BERT; curated Hub repos that need
// internet), any Hub id typed in (`hub:<org/name>`), and model folders the user picked
// (`local/<name>`, kept in this tab only). User word vectors are added as `user:<name>`.
// `lmSourceFor` turns a picker id into the LM runtime's source description.
import type { LmCatalogEntry, LmDtypeSize } from '../runtime/lm/catalog';
import { LM_MODELS, type LmSource } from '../worker/client';
import { DEFAULT_HUB_HOST, hubHostOrNull } from './hubHost';

export type PickerModelKind = 'word-embedding' | 'causal-lm' | 'masked-lm';

export interface PickerModel {
  id: string;
  title: string;
  kind: PickerModelKind;
  /** Shown under the picker. */
  note: string;
  needsInternet?: boolean;
  /** Weight formats the model offers (LMs). */
  dtypes?: readonly string[];
  /** Catalogue LMs: one line of facts — architecture, parameters, chat template, fixture row, verification. */
  facts?: string;
  /** Catalogue LMs: size label per dtype ("654 MB", "≈135 MB", "≥68 MB"). */
  sizes?: Readonly<Record<string, string>>;
}

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "654 MB" as published or measured, "≈135 MB" estimated, "≥68 MB" a lower bound (catalog.ts says how each is made). */
export const sizeLabel = (s: LmDtypeSize): string =>
  `${s.basis === 'estimate' ? '≈' : s.basis === 'at-least' ? '≥' : ''}${Number.isInteger(s.mb) ? thousands(s.mb) : String(s.mb)} MB`;

/** "135M" / "1.23B" from a parameter count in millions. */
export const parametersLabel = (millions: number): string => (millions >= 1000 ? `${millions / 1000}B` : `${millions}M`);

/** The picker's facts line for a catalogue LM. */
export function catalogFacts(m: LmCatalogEntry): string {
  return [
    m.architecture,
    `${parametersLabel(m.parametersM)} parameters`,
    m.chatTemplate ? 'chat template' : 'no chat template',
    ...(m.matrixRow ? [`tested offline with ${m.matrixRow}`] : []),
    m.needsInternet ? `needs internet${m.verifiedOnline ? '' : ', not verified online'}` : 'works offline',
  ].join(' · ');
}

export const EMBEDDED_MODELS: readonly PickerModel[] = Object.freeze([
  {
    id: 'glove-6b-100d',
    title: 'GloVe 6B, 100-d (embedded)',
    kind: 'word-embedding',
    note: 'Pennington et al. 2014 word vectors, int8, ships with the app: works offline.',
  },
]);

/** Language models from the catalogue, embedded first. */
export const LM_PICKER_MODELS: readonly PickerModel[] = Object.freeze(
  LM_MODELS.map((m) => ({
    id: m.id,
    title: m.needsInternet ? `${m.title} — needs internet` : m.title,
    kind: m.kind,
    note: m.note,
    needsInternet: m.needsInternet,
    dtypes: m.dtypes,
    facts: catalogFacts(m),
    sizes: Object.fromEntries(Object.entries(m.sizes).map(([d, size]) => [d, sizeLabel(size!)])),
  })),
);

export const DEFAULT_MODEL_ID = 'glove-6b-100d';
export const HUB_PREFIX = 'hub:';
export const LOCAL_PREFIX = 'local/';

/** Picked folders (their files) by model id; the files live only in this tab. */
const localFolders = new Map<string, Extract<LmSource, { type: 'files' }>>();
export const rememberLocalFolder = (id: string, source: Extract<LmSource, { type: 'files' }>) => void localFolders.set(id, source);
export const localFolderIds = () => [...localFolders.keys()];

export const findPickerModel = (id: string): PickerModel | undefined => [...EMBEDDED_MODELS, ...LM_PICKER_MODELS].find((m) => m.id === id);

/** True for every id the LM runtime serves (catalogue, free Hub id, picked folder). */
export const isLmModelId = (id: string): boolean =>
  id.startsWith(HUB_PREFIX) || id.startsWith(LOCAL_PREFIX) || LM_PICKER_MODELS.some((m) => m.id === id);

/** The LM source for a picker id; null for word-vector models or a folder no longer in this tab. */
export function lmSourceFor(id: string, hubHost: string): LmSource | null {
  const typed = hubHost.trim();
  const parsed = hubHostOrNull(typed);
  // An unparseable host is passed on as typed: the picker refuses to use it, and a load says why.
  const host = parsed === DEFAULT_HUB_HOST ? undefined : (parsed ?? typed);
  if (id.startsWith(HUB_PREFIX)) return { type: 'hub', id: id.slice(HUB_PREFIX.length), ...(host ? { remoteHost: host } : {}) };
  if (id.startsWith(LOCAL_PREFIX)) return localFolders.get(id) ?? null;
  const m = LM_MODELS.find((x) => x.id === id);
  if (!m) return null;
  return m.source === 'embedded' ? { type: 'embedded', id } : { type: 'hub', id, ...(host ? { remoteHost: host } : {}) };
}

/** What the picker shows for an id (titles for free Hub ids and folders too). */
export function modelTitle(id: string): string {
  if (id.startsWith(HUB_PREFIX)) return `${id.slice(HUB_PREFIX.length)} (Hub)`;
  if (id.startsWith(LOCAL_PREFIX)) return `${id.slice(LOCAL_PREFIX.length)} (your folder)`;
  return findPickerModel(id)?.title ?? id;
}

/** The title without the picker's "— needs internet" suffix, where the model is named as loaded or loading. */
export const modelName = (id: string): string => modelTitle(id).replace(/ — needs internet$/, '');

/** The model kind an id needs to know before loading: word vectors vs LM. */
export const modelModality = (id: string): 'vectors' | 'lm' => (isLmModelId(id) ? 'lm' : 'vectors');

/** Where a picker id downloads its files from: the Hub host for Hub models; null when it needs no network. */
export function downloadHostFor(id: string, hubHost: string): string | null {
  const source = lmSourceFor(id, hubHost);
  return source?.type === 'hub' ? (source.remoteHost ?? DEFAULT_HUB_HOST) : null;
}
