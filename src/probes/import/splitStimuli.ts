// How a set's text box is read: one stimulus per line or comma-separated, trimmed, blanks dropped.
// Here (not in the editor's state) so a large paste can be split in the import worker by exactly
// the rule the box uses for what is typed.

export const splitStimuli = (text: string): string[] =>
  text
    .split(/\r?\n|,/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
