// A pronoun-resolution file for the LM editor's import (WinoBias sentence file or Winogender
// all_sentences.tsv), told apart by content as the CLI tells them apart (inputFormat.ts), so the page
// and `bias-workbench run` read one file the same way.
import { ParseError } from '../../core/errors';
import { importedProbeId } from './editorFiles';
import { detectInputFormat } from './inputFormat';
import { importWinoBiasText } from './winobias';
import { importWinogenderTsv, type CorefImport } from './winogender';

/** @throws {ParseError} for a file that is neither format, or has no good row */
export function lmProbeFromCorefFile(text: string, filename: string, onProgress?: (done: number, total: number) => void): CorefImport {
  const detected = detectInputFormat(text, filename);
  const meta = { id: importedProbeId(filename), ...(onProgress ? { onProgress } : {}) };
  if (detected.ok && detected.format === 'winobias-txt') return importWinoBiasText(text, filename, meta);
  if (detected.ok && detected.format === 'winogender-tsv') return importWinogenderTsv(text, meta);
  throw new ParseError(`${filename} is neither a WinoBias sentence file (lines "<n> … [referent] … [pronoun] …") nor Winogender's all_sentences.tsv (columns sentid, sentence).`);
}
