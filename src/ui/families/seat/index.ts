// SEAT's views, loaded with their charts when a SEAT result is first shown.
import { lazyFamilyView } from '../types';

export const seatView = lazyFamilyView<'seat'>(() => import('./views'));
