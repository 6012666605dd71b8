// Physical line numbers for a parser that walks a text front to back (papaparse's `step` hands out
// each row's end offset in order). Counting newlines from offset 0 for every row made imports
// quadratic (a 50,000-row CrowS-Pairs CSV took minutes); this counter keeps its place and only
// counts the newlines between the previous offset and the new one, so a whole file costs one pass.

/**
 * A function from a character offset to its 1-based line number. Offsets are expected in
 * non-decreasing order; an earlier offset restarts the count from the top (correct, just slower).
 */
export function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset: number): number => {
    if (offset < pos) {
      pos = 0;
      line = 1;
    }
    const end = Math.min(offset, text.length);
    for (let nl = text.indexOf('\n', pos); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) line++;
    pos = end;
    return line;
  };
}
