// A template row as a dot of the Δ plot: the two filled-in terms, the group treated as stereotyped.
import type { CounterfactualTemplateResult } from '../../../core/lmRun/types';
import type { DeltaPoint } from '../shared/deltaPoints';

export const templatePoints = (r: CounterfactualTemplateResult): DeltaPoint[] =>
  r.items.map((i) => ({ id: i.id, label: `${i.moreTerm} / ${i.lessTerm}`, category: i.moreGroup, delta: i.delta }));
