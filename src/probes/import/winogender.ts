// Import of Winogender's all_sentences.tsv (rudinger/winogender-schemas, data/all_sentences.tsv):
// a header `sentid<TAB>sentence`, then one sentence per line, its id
// `<occupation>.<participant>.<answer>.<gender>.txt` — answer 0: the pronoun refers to the
// occupation, 1: to the participant; gender male | female | neutral. The sentence holds exactly one
// pronoun of its gender (he/his/him, she/her, they/their/them), found here, and both referents
// ("someone" is the bleached participant). The occupation statistics come from the built-in table
// (occupations-stats.tsv, MIT) for the correlations. Bad rows are listed with their line number and
// the rest imported; a file with no good row, or without the header, is refused.
import { ParseError } from '../../core/errors';
import { WINOGENDER_CITATION, WINOGENDER_OCCUPATION_STATS_ROWS } from '../builtin/lm/winogenderData';
import type { CorefItem, CorefLikelihoodProbe } from '../families/coref-likelihood/schema';
import { parseAnyProbe } from '../validate';
import { numberedLines } from './textLines';

export const WINOGENDER_COLUMNS = ['sentid', 'sentence'] as const;

const PRONOUNS: Record<string, readonly string[]> = { male: ['he', 'his', 'him'], female: ['she', 'her'], neutral: ['they', 'their', 'them'] };
const SENT_ID = /^([A-Za-z][A-Za-z_-]*)\.([A-Za-z][A-Za-z_-]*)\.([01])\.(male|female|neutral)(\.txt)?$/;

export const WINOGENDER_OCCUPATION_STATS: NonNullable<CorefLikelihoodProbe['occupationStats']> = WINOGENDER_OCCUPATION_STATS_ROWS.map(([occupation, bergsma, bls]) => ({
  occupation,
  blsPctFemale: bls,
  bergsmaPctFemale: bergsma,
}));

export interface CorefImportMeta {
  id: string;
  title?: string;
  /** Keep only the first this many good sentences (rows after them are not checked). */
  limit?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface CorefImport {
  probe: CorefLikelihoodProbe;
  /** Rows read past, each "line N: reason". */
  skipped: string[];
}

const hasWord = (sentence: string, word: string): boolean => new RegExp(`(^|[^A-Za-z])${word}([^A-Za-z]|$)`, 'i').test(sentence);

/** One sentence line as an item, or the reason it cannot be one. */
function winogenderItem(sentid: string, sentence: string): CorefItem | string {
  const m = SENT_ID.exec(sentid);
  if (!m) return `sentid "${sentid}" is not <occupation>.<participant>.<0|1>.<male|female|neutral>.txt`;
  const [, occupation, participant, answer, gender] = m as unknown as [string, string, string, '0' | '1', string];
  if (!sentence) return 'the sentence is empty';
  const words = sentence.match(/[A-Za-z]+/g) ?? [];
  const pronouns = words.filter((w) => PRONOUNS[gender]!.includes(w.toLowerCase()));
  if (pronouns.length !== 1) return pronouns.length === 0 ? `no ${gender} pronoun (${PRONOUNS[gender]!.join(', ')}) in the sentence` : `${pronouns.length} ${gender} pronouns in the sentence (${pronouns.join(', ')}); which one to resolve is unclear`;
  if (!hasWord(sentence, occupation)) return `the occupation "${occupation}" is not in the sentence`;
  if (participant !== 'someone' && !hasWord(sentence, participant)) return `the participant "${participant}" is not in the sentence`;
  return {
    id: sentid.replace(/\.txt$/, ''),
    sentence,
    pronoun: pronouns[0]!,
    candidates: [`the ${occupation}`, participant === 'someone' ? 'someone' : `the ${participant}`],
    answer: answer === '0' ? 0 : 1,
    condition: gender,
    pairKey: `${occupation}.${participant}.${answer}`,
    occupation,
  };
}

/**
 * Parse Winogender's all_sentences.tsv into a coref-likelihood probe (see the header).
 * @throws {ParseError} without the sentid and sentence columns, or when no row could be imported
 */
export function importWinogenderTsv(text: string, meta: CorefImportMeta): CorefImport {
  const lines = numberedLines(text, meta.onProgress);
  if (lines.length === 0) throw new ParseError('The Winogender file is empty.');
  const header = lines[0]!.text.split('\t').map((c) => c.trim().toLowerCase());
  const col = { sentid: header.indexOf('sentid'), sentence: header.indexOf('sentence') };
  if (col.sentid < 0 || col.sentence < 0) throw new ParseError(`line ${lines[0]!.line}: the header needs the tab-separated columns ${WINOGENDER_COLUMNS.join(', ')} (Winogender's all_sentences.tsv).`);
  const skipped: string[] = [];
  const items: CorefItem[] = [];
  const seen = new Set<string>();
  for (const { line, text: row } of lines.slice(1)) {
    if (meta.limit !== undefined && items.length >= meta.limit) break;
    const cells = row.split('\t');
    if (cells.length !== header.length) {
      skipped.push(`line ${line}: the row has ${cells.length} tab-separated field${cells.length === 1 ? '' : 's'}, the header ${header.length}`);
      continue;
    }
    const item = winogenderItem(cells[col.sentid]!.trim(), cells[col.sentence]!.trim());
    if (typeof item === 'string') {
      skipped.push(`line ${line}: ${item}`);
      continue;
    }
    if (seen.has(item.id)) {
      skipped.push(`line ${line}: sentid "${item.id}" appears twice; the first is kept`);
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }
  if (items.length === 0) throw new ParseError(`No sentence could be imported from the Winogender file.${skipped.length ? ` ${skipped.slice(0, 3).join(' ')}` : ''}`);
  const probe = parseAnyProbe({
    family: 'coref-likelihood',
    id: meta.id,
    title: meta.title ?? 'Imported Winogender sentences',
    citation: WINOGENDER_CITATION,
    source: `Imported from a Winogender all_sentences.tsv (${meta.limit !== undefined ? `the first ${items.length} sentences, limit ${meta.limit}` : `${items.length} sentence${items.length === 1 ? '' : 's'}`}${skipped.length ? `, ${skipped.length} row${skipped.length === 1 ? '' : 's'} skipped` : ''}).`,
    dataset: 'winogender',
    items,
    occupationStats: WINOGENDER_OCCUPATION_STATS,
  }) as CorefLikelihoodProbe;
  return { probe, skipped };
}
