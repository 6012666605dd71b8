// The lines of a line-per-record text file (WinoBias .txt, Winogender .tsv) with their physical
// 1-based line numbers, CRLF or LF, a leading byte-order mark dropped; blank lines are skipped but
// still counted, so a reported line number is the one an editor shows.

export interface NumberedLine {
  line: number;
  text: string;
}

/** Non-blank lines with their line numbers; `onProgress(charactersRead, total)` every `every` lines. */
export function numberedLines(input: string, onProgress?: (done: number, total: number) => void, every = 500): NumberedLine[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const out: NumberedLine[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end).replace(/\r$/, '');
    if (raw.trim().length > 0) out.push({ line, text: raw });
    if (onProgress && line % every === 0) onProgress(end, text.length);
    if (nl === -1) break;
    start = nl + 1;
    line++;
  }
  onProgress?.(text.length, text.length);
  return out;
}
