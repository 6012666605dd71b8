// The models the picker offers. Data, like the probe registry: the embedded GloVe now; the LM
// runtime issue adds entries here (kind decides which probe families a model can run). User word
// vectors loaded at run time are added to the list as `user:<name>`.
export type PickerModelKind = 'word-embedding' | 'causal-lm' | 'masked-lm';

export interface PickerModel {
  id: string;
  title: string;
  kind: PickerModelKind;
  /** Shown under the picker. */
  note: string;
}

export const EMBEDDED_MODELS: readonly PickerModel[] = Object.freeze([
  {
    id: 'glove-6b-100d',
    title: 'GloVe 6B, 100-d (embedded)',
    kind: 'word-embedding',
    note: 'Pennington et al. 2014 word vectors, int8, ships with the app: works offline.',
  },
]);

export const DEFAULT_MODEL_ID = 'glove-6b-100d';
