// A human IAT probe's CSV is WEAT's (one wide row, one row per word) with kind `human-iat`: the run
// holds the model's numbers only. The participant's trials have their own file (the trials CSV of
// src/probes/import/iatTrialsCsv.ts), exported from the participant screen.
import { wideAssociationCsv } from '../shared/associationCsv';
import type { FamilyCsv } from '../types';
import { modelSide, type HumanIatResult } from './result';

export const humanIatCsv: FamilyCsv<HumanIatResult> = {
  summaryColumns: wideAssociationCsv.summaryColumns,
  summaryRows: (r, meta) => wideAssociationCsv.summaryRows(modelSide(r), meta).map((row) => ({ ...row, kind: r.kind })),
  itemColumns: wideAssociationCsv.itemColumns,
  itemRows: (r, meta) => wideAssociationCsv.itemRows(modelSide(r), meta),
  ...(wideAssociationCsv.itemKeyColumns ? { itemKeyColumns: wideAssociationCsv.itemKeyColumns } : {}),
};
