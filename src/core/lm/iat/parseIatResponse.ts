// Parser for LLM-IAT answers ("word - group" per line), written for what instruction models really
// return: preambles ("Sure! Here are…"), bullets and numbering, markdown emphasis, any dash or colon
// or arrow as separator, reversed order ("woman - good"), several pairs on one line, grouped lists
// ("Woman: bad, sad" or a "Man:" header followed by bullet lines), different case, curly quotes,
// missing words and words assigned to both groups. It never throws on messy text: whatever it
// cannot read is returned (unparsed lines, missing and conflicting words) so the UI can show it and
// the D score is computed only from unambiguous assignments.
//
// Matching is by whole words/phrases (case-insensitive, letters and digits as word characters), the
// longest attribute first, so "well-behaved" is not read as "behaved" and "old" is not found in "bold".
import { InvalidLmInputError } from '../../errors';

export interface IatParse {
  /** Unambiguous assignments, one per attribute, in order of first appearance. */
  pairs: { attribute: string; group: 0 | 1 }[];
  /** Attributes assigned to both groups (on different lines, or "good - man/woman"); excluded. */
  conflicting: string[];
  /** Attributes of the prompt that the answer never assigned. */
  missing: string[];
  /** Attributes assigned to the same group more than once (kept once). */
  repeated: string[];
  /** Non-empty lines from which nothing could be read (preambles, stray words, …). */
  unparsedLines: string[];
}

interface Match {
  start: number;
  end: number;
  index: number;
}

const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-phrase, non-overlapping matches of `terms` in `text`, longest terms first. */
function findTerms(text: string, terms: readonly string[]): Match[] {
  const order = terms.map((_, i) => i).sort((a, b) => terms[b]!.length - terms[a]!.length);
  const taken: Match[] = [];
  for (const index of order) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(terms[index]!)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (!taken.some((t) => start < t.end && t.start < end)) taken.push({ start, end, index });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * Parse an LLM-IAT answer given the two group terms shown and the attribute words asked about.
 * Per line (after splitting on newlines): attribute and group matches are found anywhere in the
 * line; one attribute + one group → a pair; one attribute + both groups → conflicting; several
 * attributes + one group → each attribute to that group ("woman: bad, sad"); several attributes and
 * both groups → the line is split on , ; | and each piece parsed; a line with one group and no
 * attribute is a header that applies to following lines with attributes but no group; anything
 * else non-empty is an unparsed line.
 * Source: answer format requested by Bai et al. (2024) ("Separate words by - and separate pairs by
 * a new line"); robustness rules are this project's (see tests/core/lm for the cases covered).
 * @throws {InvalidLmInputError} when the two group terms are equal or empty, or attributes are empty
 */
export function parseIatResponse(response: string, groups: readonly [string, string], attributes: readonly string[]): IatParse {
  const groupTerms = groups.map((g) => normalise(g).trim());
  if (!groupTerms[0] || !groupTerms[1]) throw new InvalidLmInputError('group terms must be non-empty');
  if (groupTerms[0] === groupTerms[1]) throw new InvalidLmInputError(`the two group terms are the same ("${groups[0]}")`);
  if (attributes.length === 0) throw new InvalidLmInputError('no attribute words to look for');
  const attributeTerms = attributes.map((a) => normalise(a).trim());

  const assigned = new Map<number, Set<0 | 1>>();
  const firstSeen: number[] = [];
  const repeated = new Set<number>();
  const unparsedLines: string[] = [];
  const assign = (attribute: number, group: 0 | 1) => {
    const set = assigned.get(attribute) ?? new Set<0 | 1>();
    if (!assigned.has(attribute)) firstSeen.push(attribute);
    if (set.has(group)) repeated.add(attribute);
    set.add(group);
    assigned.set(attribute, set);
  };

  let header: 0 | 1 | null = null;
  const parsePiece = (piece: string, allowSplit: boolean): boolean => {
    const attrs = findTerms(piece, attributeTerms).filter((m) => !groupOverlap(m, piece, groupTerms));
    const groupMatches = findTerms(piece, groupTerms);
    const groupSet = new Set(groupMatches.map((m) => m.index as 0 | 1));
    const attrSet = [...new Set(attrs.map((m) => m.index))];
    if (attrSet.length === 0) {
      if (groupSet.size === 1 && isHeaderLike(piece, groupMatches)) {
        header = [...groupSet][0]!;
        return true;
      }
      return false;
    }
    if (groupSet.size === 0) {
      if (header === null) return false;
      for (const a of attrSet) assign(a, header);
      return true;
    }
    if (groupSet.size === 1) {
      const g = [...groupSet][0]!;
      for (const a of attrSet) assign(a, g);
      return true;
    }
    // Both groups on the line.
    if (attrSet.length === 1) {
      assign(attrSet[0]!, 0);
      assign(attrSet[0]!, 1);
      return true;
    }
    if (!allowSplit) return false;
    const pieces = piece.split(/[,;|]|\s{3,}|\t/).filter((p) => p.trim());
    if (pieces.length < 2) return false;
    let any = false;
    for (const p of pieces) any = parsePiece(p, false) || any;
    return any;
  };

  for (const rawLine of response.split(/\r\n|\r|\n/)) {
    const line = normalise(rawLine)
      .replace(/[*_`~#>]+/g, ' ')
      .trim();
    if (!line) continue;
    if (!parsePiece(line, true)) unparsedLines.push(rawLine.trim());
  }

  const pairs: IatParse['pairs'] = [];
  const conflicting: string[] = [];
  for (const a of firstSeen) {
    const set = assigned.get(a)!;
    if (set.size === 2) conflicting.push(attributes[a]!);
    else pairs.push({ attribute: attributes[a]!, group: [...set][0]! });
  }
  const missing = attributes.filter((_, i) => !assigned.has(i));
  return { pairs, conflicting, missing, repeated: [...repeated].filter((a) => assigned.get(a)!.size === 1).map((a) => attributes[a]!), unparsedLines };
}

/** An attribute match that lies inside a group-term match (e.g. attribute "man" in group "woman") is not an attribute. */
function groupOverlap(match: Match, text: string, groupTerms: string[]): boolean {
  return findTerms(text, groupTerms).some((g) => match.start >= g.start && match.end <= g.end && !(match.start === g.start && match.end === g.end));
}

/** A header names one group and little else: "Woman:", "**For man:**", "Words for woman". */
function isHeaderLike(piece: string, groupMatches: Match[]): boolean {
  const rest = groupMatches.reduce((text, m) => text.slice(0, m.start) + ' '.repeat(m.end - m.start) + text.slice(m.end), piece);
  const words = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length <= 3;
}
