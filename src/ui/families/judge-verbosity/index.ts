// Judge verbosity's views, loaded with the chart library when such a result is first shown.
import { lazyFamilyView } from '../types';

export const judgeVerbosityView = lazyFamilyView<'judge-verbosity'>(
  () => import('./views'),
  (p) => `${p.items.length.toLocaleString('en-US')} answers, each judged against its padded form in both orders`,
);
