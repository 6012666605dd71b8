// WEAT's views, loaded with their charts when a WEAT result is first shown.
import { lazyFamilyView } from '../types';

export const weatView = lazyFamilyView<'weat'>(() => import('./views'));
