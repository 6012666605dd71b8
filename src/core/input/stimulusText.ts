// What a single stimulus may contain. A stimulus is one line of visible text: a line break inside
// one (possible in a probe file's JSON string) would be read as two stimuli once the page shows it
// one per line, and control characters (tabs from a spreadsheet row, NUL, terminal escapes) are
// never what a user means by a word. The probe schema refuses such stimuli with this message, so a
// probe file is refused the same way by the page and by the CLI.
import { quoteInput } from './quoteInput';

/** C0 controls (tab, CR and LF included), DEL, C1 controls and the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is this constant's job
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const describeControl = (ch: string): string => {
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') return 'a line break';
  if (ch === '\t') return 'a tab';
  return `the control character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
};

/** Why a stimulus cannot be used, or null when it can. */
export const stimulusProblem = (stimulus: string): string | null => {
  const m = CONTROL.exec(stimulus);
  if (!m) return null;
  return `${quoteInput(stimulus)} holds ${describeControl(m[0])}: a stimulus is one line of text; put each stimulus on its own line`;
};
