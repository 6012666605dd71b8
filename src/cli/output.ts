// Where CLI results go: a file (--out) or stdout. Kept apart so commands stay pure functions of
// their arguments that return text.
import { writeFileSync } from 'node:fs';

export function emit(text: string, out: string | undefined): void {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (out) writeFileSync(out, body);
  else process.stdout.write(body);
}
