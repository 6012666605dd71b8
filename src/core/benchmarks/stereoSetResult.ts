// What a StereoSet run returns (docs/methods/stereoset.md): each item's three sentence scores and
// SS, LMS, ICAT per bias type and overall. A type of its own in core because the run record's union
// of results (core/runRecord.ts) names it and core imports nothing outside core.
import type { StereoSetScores } from './stereoSetScores';

export interface StereoSetItemRow {
  id: string;
  target: string;
  biasType: string;
  stereotype: string;
  antiStereotype: string;
  unrelated: string;
  scoreStereotype: number;
  scoreAntiStereotype: number;
  scoreUnrelated: number;
}

export interface StereoSetResult {
  kind: 'stereoset';
  probeId: string;
  title: string;
  scoring: 'causal-mean' | 'causal-full' | 'masked-pll';
  overall: StereoSetScores;
  byType: (StereoSetScores & { biasType: string })[];
  items: StereoSetItemRow[];
}
