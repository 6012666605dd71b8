// The chart colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), whose
// eight colours stay distinguishable under the common colour-vision deficiencies and on a washed-out
// projector. Every chart also separates its series by shape, dash or pattern, never colour alone.
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Neutral grey for reference lines and "invalid" classes (not a data series colour). */
export const NEUTRAL = '#6b6b6b';
