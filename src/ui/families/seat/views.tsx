// SEAT's screens: the word-vector association card body and slide (shared with the other
// word-vector family, since the result is the same association result).
import type { AssociationResult } from '../../../core/association/types';
import { AssociationSlide } from '../shared/AssociationSlide';
import { WordVectorBody } from '../shared/WordVectorBody';
import type { FamilyViewsModule } from '../types';

const views: FamilyViewsModule<AssociationResult> = { Body: WordVectorBody, Slide: AssociationSlide };
export const { Body, Slide } = views;
