// Where CLI results go: a file (--out) or stdout; notes for the person at the terminal (warnings,
// how many answers could be read) go to stderr so they never mix with the JSON or CSV. Kept apart so
// commands stay pure functions of their arguments that return text.
import { writeFileSync } from 'node:fs';

export function emit(text: string, out: string | undefined): void {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (out) writeFileSync(out, body);
  else process.stdout.write(body);
}

/** One line for the person running the CLI, on stderr. */
export function note(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
