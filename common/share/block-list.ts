/**
 * The organisation's block list: literal terms and phrases a message must not carry (`block`) or should
 * carry only with care (`warn`). Matching ignores what a person cannot see or could use to slip a term
 * past a plain comparison: compatibility forms (full-width letters, ligatures), case, diacritics and
 * combining accents, invisible format characters, and how many spaces separate the words of a phrase.
 * Matches are reported in the ORIGINAL text's UTF-16 offsets, so the composer can mark the words in place.
 */
import { countGraphemes } from './graphemes.ts';

export const BLOCK_LEVELS = ['warn', 'block'] as const;
export type BlockLevel = (typeof BLOCK_LEVELS)[number];

export interface BlockTerm {
  readonly term: string;
  readonly level: BlockLevel;
}

/** One occurrence of a term: `text.slice(start, end)` is what the person wrote. */
export interface BlockMatch {
  readonly start: number;
  readonly end: number;
  readonly term: string;
  readonly level: BlockLevel;
}

export const MAX_BLOCK_TERM_LENGTH = 200;
export const MAX_BLOCK_TERMS = 500;

const MARKS = /\p{M}/gu;
/** Soft hyphens, zero-width spaces and joiners, bidi controls: invisible, so a term split by them still matches. */
const FORMAT = /\p{Cf}/gu;
const SPACE = /^\s$/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * One code point as it is compared: compatibility decomposition, marks dropped, then case folded (upper
 * then lower maps ß to ss and a final sigma to σ). NFKD rather than NFKC so a precomposed letter and the
 * same letter with a combining accent fold alike when folded one code point at a time.
 */
function foldCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return char >= 'A' && char <= 'Z' ? char.toLowerCase() : char;
  return char
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(FORMAT, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '');
}

interface Folded {
  readonly text: string;
  /** For each UTF-16 unit of `text`, where its source code point starts and ends in the original. */
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/** Folds the text code point by code point, keeping where each folded unit came from; runs of spaces become one. */
function fold(original: string): Folded {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of original) {
    const end = offset + char.length;
    const piece = SPACE.test(char) ? (text.endsWith(' ') || text === '' ? '' : ' ') : foldCodePoint(char);
    for (let unit = 0; unit < piece.length; unit += 1) {
      from.push(offset);
      to.push(end);
    }
    text += piece;
    offset = end;
  }
  return { text, from, to };
}

/** A term as it is compared: folded, with no space at either end. */
export const foldTerm = (term: string): string => fold(term).text.trim();

/**
 * Why a term cannot go on the list, or null when it can. A term that would match everything or nearly
 * everything (empty, only spaces, one character once folded) would block every message.
 */
export function blockTermProblem(term: string): string | null {
  if (term.trim() === '') return term === '' ? 'the term is empty' : 'the term is only spaces';
  if (term.length > MAX_BLOCK_TERM_LENGTH)
    return `the term has ${String(term.length)} characters, at most ${String(MAX_BLOCK_TERM_LENGTH)}`;
  const folded = foldTerm(term);
  if (folded === '') return 'the term has only accents or invisible characters';
  if (countGraphemes(folded) < 2)
    return `the term “${term.trim()}” is one character: it would mark nearly every message`;
  return null;
}

const isWordCharacter = (char: string | undefined): boolean => char !== undefined && WORD_CHARACTER.test(char);

/**
 * Every occurrence of the terms in the text, ordered by where it starts. A term that begins or ends with
 * a letter or digit matches only there as a whole word ("ass" is not found in "class"). Terms with a
 * problem are skipped: they never reach a list through the endpoint or the policy reader.
 */
export function findBlockedTerms(text: string, terms: readonly BlockTerm[]): BlockMatch[] {
  const folded = fold(text);
  const matches: BlockMatch[] = [];
  for (const { term, level } of terms) {
    if (blockTermProblem(term) !== null) continue;
    const needle = foldTerm(term);
    const wordStart = isWordCharacter(needle[0]);
    const wordEnd = isWordCharacter(needle.at(-1));
    for (let at = folded.text.indexOf(needle); at !== -1; at = folded.text.indexOf(needle, at + 1)) {
      const last = at + needle.length - 1;
      if (wordStart && isWordCharacter(folded.text[at - 1])) continue;
      if (wordEnd && isWordCharacter(folded.text[last + 1])) continue;
      matches.push({ start: folded.from[at] ?? 0, end: folded.to[last] ?? 0, term, level });
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Lists from several sources (IT policy, the endpoint) as one: a term is listed once, by the first
 * spelling met, and `block` wins over `warn` when the sources disagree.
 */
export function combineBlockLists(...lists: readonly (readonly BlockTerm[])[]): BlockTerm[] {
  const byKey = new Map<string, BlockTerm>();
  for (const entry of lists.flat()) {
    if (blockTermProblem(entry.term) !== null) continue;
    const key = foldTerm(entry.term);
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, { term: entry.term.trim(), level: entry.level });
    else if (entry.level === 'block' && known.level === 'warn') byKey.set(key, { ...known, level: 'block' });
  }
  return [...byKey.values()];
}
