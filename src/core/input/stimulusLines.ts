// How a list of stimuli written as text is read, everywhere: the editor's set boxes, a paste, a
// .txt word list, and so the draft the page runs. One stimulus per line; each line trimmed; blank
// lines dropped. A comma, semicolon, tab or space does not separate stimuli: "ice cream" and
// "lily, daisy" are one stimulus each, exactly as a probe file's list holds them, so the page and
// the CLI read the same file as the same probe. Splitting on commas belongs to formats that say so
// (a CSV column, a JSON list), never to a guess about free text.

/** Every line break a user's text may carry: CRLF, LF, old-Mac CR and the Unicode line/paragraph separators. */
export const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/** The stimuli of a text: one per line, trimmed, blank lines dropped. */
export const stimulusLines = (text: string): string[] =>
  text
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
