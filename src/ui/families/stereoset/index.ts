// StereoSet's views, loaded when a StereoSet result is first shown.
import { lazyFamilyView } from '../types';

export const stereoSetView = lazyFamilyView<'stereoset'>(
  () => import('./views'),
  (p) => `${p.items.length.toLocaleString('en-US')} intrasentence items × 3 sentences, scoring ${p.scoring}`,
);
