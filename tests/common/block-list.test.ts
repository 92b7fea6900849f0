/**
 * The block list: terms are found whatever Unicode trick hides them (full-width letters, combining
 * accents, ligatures, case, invisible characters, extra spaces), the matches point at the words as the
 * person wrote them, whole words only, and a term that would match everything is refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import {
  blockTermProblem,
  combineBlockLists,
  findBlockedTerms,
  type BlockTerm,
} from '../../common/share/block-list.ts';

const block = (term: string): BlockTerm => ({ term, level: 'block' });
const warn = (term: string): BlockTerm => ({ term, level: 'warn' });
const marked = (text: string, terms: readonly BlockTerm[]): string[] =>
  findBlockedTerms(text, terms).map((match) => text.slice(match.start, match.end));

describe('findBlockedTerms on Unicode tricks', () => {
  it('finds a term written in full-width letters, and marks the full-width letters', () => {
    const text = 'Our ｉｎｓｉｄｅｒ tip for you';
    expect(marked(text, [block('insider')])).toEqual(['ｉｎｓｉｄｅｒ']);
  });

  it('finds a term written with combining accents, the accents inside the mark', () => {
    const text = 'A gu\u0061\u0301ranteed return';
    expect(marked(text, [block('guaranteed')])).toEqual(['gu\u0061\u0301ranteed']);
  });

  it('finds a term written with precomposed accents, and an accented term in plain letters', () => {
    expect(marked('Résumé padding', [block('resume')])).toEqual(['Résumé']);
    expect(marked('Resume padding', [block('résumé')])).toEqual(['Resume']);
  });

  it('finds a term written with ligatures (ﬁ, ﬀ), the ligature counted as the letters it stands for', () => {
    const text = 'Big ﬁnancial oﬀer';
    expect(marked(text, [block('financial'), warn('offer')])).toEqual(['ﬁnancial', 'oﬀer']);
  });

  it('finds a term in another case, ß folded to ss', () => {
    expect(marked('INSIDER news', [block('insider')])).toEqual(['INSIDER']);
    expect(marked('Die Straße', [block('strasse')])).toEqual(['Straße']);
  });

  it('finds a term split by invisible characters (zero-width space, soft hyphen)', () => {
    const text = 'in\u200bsi\u00adder';
    expect(marked(text, [block('insider')])).toEqual([text]);
  });

  it('finds a phrase whatever spaces and line breaks separate its words', () => {
    const text = 'This is a sure\u00a0 \nthing';
    expect(marked(text, [block('sure thing')])).toEqual(['sure\u00a0 \nthing']);
  });

  it('gives offsets in the original text past characters outside the BMP', () => {
    const text = '🚀🚀 insider';
    const [match] = findBlockedTerms(text, [block('insider')]);
    expect(match).toEqual({ start: 5, end: 12, term: 'insider', level: 'block' });
  });
});

describe('findBlockedTerms on words', () => {
  it('matches whole words only: a term inside a longer word is not marked', () => {
    expect(marked('A classic class', [block('ass')])).toEqual([]);
    expect(marked('Pass the assets', [block('asset')])).toEqual([]);
  });

  it('finds every occurrence, ordered by where it starts, each with its level', () => {
    const matches = findBlockedTerms('Hot tip: insider tip', [warn('tip'), block('insider')]);
    expect(matches.map(({ start, level }) => [start, level])).toEqual([
      [4, 'warn'],
      [9, 'block'],
      [17, 'warn'],
    ]);
  });

  it('finds nothing in a message without the terms, and nothing with an empty list', () => {
    expect(findBlockedTerms('Read our new post', [block('insider')])).toEqual([]);
    expect(findBlockedTerms('insider', [])).toEqual([]);
  });
});

describe('blockTermProblem: entries that would match everything are refused', () => {
  it('refuses an empty term', () => {
    expect(blockTermProblem('')).toBe('the term is empty');
  });

  it('refuses a term of only spaces, also non-breaking and ideographic spaces', () => {
    expect(blockTermProblem('   ')).toBe('the term is only spaces');
    expect(blockTermProblem('\u00a0\u3000')).toBe('the term is only spaces');
  });

  it('refuses one character, also when it hides behind spaces, accents or a full-width form', () => {
    for (const term of ['a', ' a ', 'é', 'e\u0301', 'Ａ'])
      expect(blockTermProblem(term)).toMatch(/is one character: it would mark nearly every message$/);
  });

  it('refuses a term of only accents or invisible characters', () => {
    expect(blockTermProblem('\u0301\u200b')).toBe('the term has only accents or invisible characters');
  });

  it('refuses a term over 200 characters, saying how long it is', () => {
    expect(blockTermProblem('x'.repeat(201))).toBe('the term has 201 characters, at most 200');
  });

  it('accepts two characters and phrases', () => {
    expect(blockTermProblem('ok')).toBeNull();
    expect(blockTermProblem('guaranteed returns')).toBeNull();
  });

  it('never matches a refused term even if one reaches the matcher', () => {
    expect(findBlockedTerms('a b c', [block('a'), block(' ')])).toEqual([]);
  });
});

describe('combineBlockLists', () => {
  it('lists a term once across sources, block winning over warn, first spelling kept', () => {
    const combined = combineBlockLists(
      [warn('Insider'), block('sure thing')],
      [block('ＩＮＳＩＤＥＲ'), warn('sure  thing')],
    );
    expect(combined).toEqual([block('Insider'), block('sure thing')]);
  });

  it('drops entries with a problem', () => {
    expect(combineBlockLists([block(''), warn('x'), warn('ok')])).toEqual([warn('ok')]);
  });
});
