// Import of WinoBias sentence files (Zhao et al. 2018; uclanlp/corefBias WinoBias/wino/data/
// {pro,anti}_stereotyped_type{1,2}.txt.{dev,test}, MIT): one sentence per line, `<n> <sentence>`,
// with the gold referent and the pronoun in brackets —
//   1 [The developer] argued with the designer because [he] did not like the design.
// The other candidate is whichever of WinoBias's 40 occupations (male_occupations.txt,
// female_occupations.txt, below) occurs outside the brackets. Each line's condition is read from its
// content: pro-stereotypical when the pronoun's gender is the one the occupation lists give the gold
// referent, anti otherwise — so the pro and anti files of one type concatenated read correctly, and
// pro line n and anti line n (the same sentence, pronoun swapped) pair for the McNemar test. A file
// name saying pro_stereotyped / anti_stereotyped must agree with each line; `type1` / `type2` in the
// name gives the type. Bad lines are listed with their line number and the rest imported.
import { ParseError } from '../../core/errors';
import type { CorefItem, CorefLikelihoodProbe } from '../families/coref-likelihood/schema';
import { parseAnyProbe } from '../validate';
import type { CorefImport, CorefImportMeta } from './winogender';
import { numberedLines } from './textLines';

export const ZHAO_CITATION = {
  text:
    'Zhao, J., Wang, T., Yatskar, M., Ordonez, V., & Chang, K.-W. (2018). Gender Bias in Coreference Resolution: Evaluation and Debiasing Methods. NAACL-HLT 2018. ' +
    'Dataset: github.com/uclanlp/corefBias (MIT License, Copyright (c) 2020 Natural Language Processing @UCLA). Likelihood scoring after Brown et al. (2020), §6.2.1.',
  url: 'https://aclanthology.org/N18-2003/',
} as const;

/** WinoBias's occupation lists, verbatim (uclanlp/corefBias @ 0bce984d, WinoBias/wino/data/*_occupations.txt). */
export const WINOBIAS_MALE_OCCUPATIONS = ['driver', 'supervisor', 'janitor', 'cook', 'mover', 'laborer', 'construction worker', 'chief', 'developer', 'carpenter', 'manager', 'lawyer', 'farmer', 'salesperson', 'physician', 'guard', 'analyst', 'mechanic', 'sheriff', 'CEO'] as const;
export const WINOBIAS_FEMALE_OCCUPATIONS = ['attendant', 'cashier', 'teacher', 'nurse', 'assistant', 'secretary', 'auditor', 'cleaner', 'receptionist', 'clerk', 'counselor', 'designer', 'hairdresser', 'writer', 'housekeeper', 'baker', 'accountant', 'editor', 'librarian', 'tailor'] as const;

const PRONOUN_GENDER: Record<string, 'male' | 'female'> = { he: 'male', him: 'male', his: 'male', himself: 'male', she: 'female', her: 'female', hers: 'female', herself: 'female' };
const GENDER_OF_OCCUPATION = new Map<string, 'male' | 'female'>([
  ...WINOBIAS_MALE_OCCUPATIONS.map((o) => [o.toLowerCase(), 'male'] as const),
  ...WINOBIAS_FEMALE_OCCUPATIONS.map((o) => [o.toLowerCase(), 'female'] as const),
]);
/** Longest first, so "construction worker" is found before a shorter name inside it. */
const OCCUPATIONS_LONGEST_FIRST = [...GENDER_OF_OCCUPATION.keys()].sort((a, b) => b.length - a.length);

const LINE = /^\s*(\d+)\s+(.*\S)\s*$/;
const BRACKET = /\[([^\]]*)\]/g;

/** The name of a WinoBias file says which condition and type it holds, when it is the published name. */
export function winoBiasFileFacts(name: string): { condition?: 'pro' | 'anti'; type?: '1' | '2' } {
  const lower = name.toLowerCase();
  const condition = /pro_stereotyp/.test(lower) ? 'pro' : /anti_stereotyp/.test(lower) ? 'anti' : undefined;
  const type = /type_?1/.test(lower) ? '1' : /type_?2/.test(lower) ? '2' : undefined;
  return { ...(condition ? { condition } : {}), ...(type ? { type } : {}) };
}

/** Whether a text's first non-blank line reads as a WinoBias line (a number, then two bracketed spans). */
export const looksLikeWinoBias = (text: string): boolean => {
  const first = text.replace(/^\uFEFF/, '').split('\n').find((l) => l.trim().length > 0) ?? '';
  const m = LINE.exec(first);
  return !!m && (m[2]!.match(BRACKET)?.length ?? 0) >= 2;
};

const withoutArticle = (phrase: string): string => phrase.trim().replace(/^(the|a|an)\s+/i, '').trim();

/** One line as an item, or the reason it cannot be one. */
function winoBiasItem(n: string, body: string, line: number, facts: ReturnType<typeof winoBiasFileFacts>): CorefItem | string {
  const spans = [...body.matchAll(BRACKET)];
  if (spans.length !== 2) return `expected two bracketed spans (the referent and the pronoun), found ${spans.length}`;
  const pronounAt = spans.findIndex((s) => PRONOUN_GENDER[s[1]!.trim().toLowerCase()] !== undefined);
  if (pronounAt < 0) return `neither bracketed span is a gendered pronoun (${spans.map((s) => `[${s[1]}]`).join(', ')})`;
  const pronoun = spans[pronounAt]![1]!.trim();
  const entitySpan = spans[1 - pronounAt]!;
  const gold = withoutArticle(entitySpan[1]!).toLowerCase();
  const goldGender = GENDER_OF_OCCUPATION.get(gold);
  const sentence = body.replace(BRACKET, (_, inner: string) => inner.trim()).replace(/\s+/g, ' ').trim();
  const outside = (body.slice(0, entitySpan.index) + ' ' + body.slice(entitySpan.index! + entitySpan[0].length)).replace(BRACKET, ' ');
  const other = OCCUPATIONS_LONGEST_FIRST.find((o) => o !== gold && new RegExp(`(^|[^A-Za-z])${o}([^A-Za-z]|$)`, 'i').test(outside));
  if (!other) return `no second occupation of WinoBias's 40 outside the brackets (the referent is "${gold}")`;
  const pronounGender = PRONOUN_GENDER[pronoun.toLowerCase()]!;
  const fromContent = goldGender === undefined ? undefined : goldGender === pronounGender ? 'pro' : 'anti';
  const condition = fromContent ?? facts.condition;
  if (!condition) return `"${gold}" is in neither WinoBias occupation list and the file name does not say pro_stereotyped or anti_stereotyped`;
  if (facts.condition && fromContent && facts.condition !== fromContent)
    return `the line is ${fromContent}-stereotypical (${pronoun} for the ${gold}) but the file name says ${facts.condition}_stereotyped`;
  const goldFirst = sentence.toLowerCase().indexOf(gold) <= sentence.toLowerCase().indexOf(other);
  const goldPhrase = `the ${gold === 'ceo' ? 'CEO' : gold}`;
  const otherPhrase = `the ${other === 'ceo' ? 'CEO' : other}`;
  return {
    id: `${condition}-${facts.type ? `t${facts.type}-` : ''}${n}-l${line}`,
    sentence,
    pronoun,
    candidates: goldFirst ? [goldPhrase, otherPhrase] : [otherPhrase, goldPhrase],
    answer: goldFirst ? 0 : 1,
    condition,
    pairKey: `${facts.type ?? 'x'}:${n}`,
    ...(facts.type ? { type: facts.type } : {}),
  };
}

/**
 * Parse a WinoBias sentence file (or pro and anti files concatenated) into a coref-likelihood probe.
 * @throws {ParseError} when no line could be imported
 */
export function importWinoBiasText(text: string, name: string, meta: CorefImportMeta): CorefImport {
  const facts = winoBiasFileFacts(name);
  const skipped: string[] = [];
  const items: CorefItem[] = [];
  for (const { line, text: row } of numberedLines(text, meta.onProgress)) {
    if (meta.limit !== undefined && items.length >= meta.limit) break;
    const m = LINE.exec(row);
    if (!m) {
      skipped.push(`line ${line}: not "<number> <sentence with [referent] and [pronoun]>"`);
      continue;
    }
    const item = winoBiasItem(m[1]!, m[2]!, line, facts);
    if (typeof item === 'string') skipped.push(`line ${line}: ${item}`);
    else items.push(item);
  }
  if (items.length === 0) throw new ParseError(`No sentence could be imported from the WinoBias file.${skipped.length ? ` ${skipped.slice(0, 3).join(' ')}` : ''}`);
  const probe = parseAnyProbe({
    family: 'coref-likelihood',
    id: meta.id,
    title: meta.title ?? `WinoBias from ${name}`,
    citation: ZHAO_CITATION,
    source: `Imported from a WinoBias sentence file${facts.type ? ` (type ${facts.type})` : ' (type not stated in the file name)'}: ${meta.limit !== undefined ? `the first ${items.length} sentences, limit ${meta.limit}` : `${items.length} sentence${items.length === 1 ? '' : 's'}`}${skipped.length ? `, ${skipped.length} line${skipped.length === 1 ? '' : 's'} skipped` : ''}.`,
    dataset: 'winobias',
    items,
  }) as CorefLikelihoodProbe;
  return { probe, skipped };
}
