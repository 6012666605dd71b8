// What the screens of one probe family are: the body of its result card (its charts and tables)
// and its class-mode slide. The results view, history, compare and class mode render the parts
// every family shares (title, headline, CI, p, the significance statement, the reading — all from
// the family's summary) and hand the rest to these components, looked up by the result's kind in
// ./index.ts. Both are lazy: recharts stays out of the first chunk. Beside them, one line saying what a
// probe of the family holds, for the editor.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { FamilyId, ProbeOf, ResultOf } from '../../probes/families';
import type { FamilySummary } from '../../probes/families/types';

export type { AnyResult, FamilyId, ResultOf } from '../../probes/families';

export interface FamilyBodyProps<R> {
  result: R;
  summary: FamilySummary;
  /** Stem of the chart download names, e.g. "caliskan-weat-1_glove-6b-100d_seed1_weat-1". */
  fileStem: string;
  /** A run of one test opens its charts; a batch keeps them folded. */
  chartsOpen: boolean;
}

export interface FamilySlideProps<R> {
  result: R;
  summary: FamilySummary;
  fileStem: string;
  /** Class mode's technical detail is open ("t"): a slide may add what only its family knows (how p was computed). */
  technical?: boolean;
}

/** What a family's views module (./<id>/views.tsx) exports. */
export interface FamilyViewsModule<R> {
  Body: ComponentType<FamilyBodyProps<R>>;
  Slide: ComponentType<FamilySlideProps<R>>;
}

export interface FamilyView<F extends FamilyId> {
  Body: LazyExoticComponent<ComponentType<FamilyBodyProps<ResultOf<F>>>>;
  Slide: LazyExoticComponent<ComponentType<FamilySlideProps<ResultOf<F>>>>;
  /** Fetches the views' chunk ahead of need (class mode offline). */
  preload: () => Promise<unknown>;
  /** What a probe holds, for the editor's header: "24 sentence pairs, scoring causal-full" (counting only). */
  contents: (probe: ProbeOf<F>) => string;
}

/** A family's views from its lazily imported module. */
export function lazyFamilyView<F extends FamilyId>(load: () => Promise<FamilyViewsModule<ResultOf<F>>>, contents: (probe: ProbeOf<F>) => string): FamilyView<F> {
  return {
    contents,
    Body: lazy(() => load().then((m) => ({ default: m.Body }))),
    Slide: lazy(() => load().then((m) => ({ default: m.Slide }))),
    preload: load,
  };
}
