/**
 * X's weighted length by X's own rules (twitter-text v3): what each case tries is in its name, and each
 * expected figure is worked out from the rules (CJK and most symbols 2, Latin 1, every link 23).
 */
import { describe, expect, it } from 'vitest';
import { measureMessage } from '../../common/share/length.ts';

const x = (text: string): number => measureMessage('x', text).length;
const LINK = 23;

describe('X: text written right against a link', () => {
  it('counts 詳しくはhttps://example.com/をご覧ください as 45, as X does: the link stops at the Japanese', () => {
    expect(x('詳しくはhttps://example.com/をご覧ください')).toBe(45);
  });

  it.each([
    ['。', 2],
    ['（', 2],
    ['—', 1],
    ['…', 2],
    ['»', 1],
  ])('finds the link right after %s', (mark, weight) => {
    expect(x(`詳しくは${mark}https://example.com/`)).toBe(8 + weight + LINK);
    expect(x(`詳しくは${mark}example.com`)).toBe(8 + weight + LINK);
  });

  it('counts a bare domain glued to Japanese on both sides', () => {
    expect(x('これはexample.comです')).toBe(6 + LINK + 4);
  });
});

describe('X: which text is a link', () => {
  it('counts URLs joined by a comma as two links when the first has no path', () => {
    expect(x('https://a.com,https://b.com')).toBe(LINK + 1 + LINK);
    expect(x('a.com,b.org')).toBe(LINK + 1 + LINK);
  });

  it("keeps a comma and what follows in a link's path, as X's path rules do", () => {
    expect(x('https://a.com/x,https://b.com/y')).toBe(LINK);
  });

  it('counts a bare domain with any IANA TLD as a link', () => {
    expect(x('bit.ly/3abc')).toBe(LINK);
    expect(x('example.company')).toBe(LINK);
    expect(x('shop.みんな')).toBe(LINK);
    expect(x('www.example.org/page')).toBe(LINK);
  });

  it('leaves a name whose last part is no TLD as text', () => {
    expect(x('Node.js')).toBe(7);
    expect(x('foo.notatld')).toBe(11);
    expect(x('see https://a.example/x')).toBe(23);
  });

  it('takes no link after @, $ or #, nor a bare one after -, _ or a dot', () => {
    expect(x('me@example.com')).toBe(14);
    expect(x('$example.com')).toBe(12);
    expect(x('#example.com')).toBe(12);
    expect(x('x-example.com')).toBe(LINK);
    expect(x('-example.com')).toBe(12);
  });

  it('leaves sentence punctuation after a link to the sentence, and keeps brackets the link opened', () => {
    expect(x('go to example.com.')).toBe(6 + LINK + 1);
    expect(x('see https://example.com/x.')).toBe(4 + LINK + 1);
    expect(x('(https://example.com/x)')).toBe(1 + LINK + 1);
    expect(x('https://en.wikipedia.org/wiki/Foo_(bar)')).toBe(LINK);
  });

  it('counts a link however long its path, up to 4,096 characters', () => {
    expect(x(`Read https://blog.example.com/${'a'.repeat(4000)}`)).toBe(5 + LINK);
    expect(x(`https://blog.example.com/${'a'.repeat(5000)}`)).toBe(25 + 5000);
  });

  it('takes a bare domain without its query, and a t.co link without more path', () => {
    expect(x('example.com?x=1')).toBe(LINK + 4);
    expect(x('https://t.co/abc/def')).toBe(LINK + 4);
  });

  it('is not a link when a label is over 63 characters, also once in punycode', () => {
    expect(x(`https://${'a'.repeat(63)}.com`)).toBe(LINK);
    expect(x(`https://${'a'.repeat(64)}.com`)).toBe(8 + 64 + 4);
    // 52 kana are 63 characters in punycode (xn--…), 53 are 64.
    const kana = 'あいうえおかきくけこ'.repeat(6);
    expect(x(`https://${kana.slice(0, 52)}.com`)).toBe(LINK);
    expect(x(`https://${kana.slice(0, 53)}.com`)).toBe(8 + 106 + 4);
  });

  it('ends a link before a directional mark (U+202C, U+2069) and counts the mark', () => {
    expect(x('https://example.com/\u202C')).toBe(LINK + 2);
    expect(x('https://example.com/\u2069 ok')).toBe(LINK + 2 + 3);
  });
});

describe('X: characters', () => {
  it('counts Latin, Greek, Cyrillic, Arabic and Hebrew 1 each, CJK 2 each', () => {
    expect(x('hello')).toBe(5);
    expect(x('Ωμέγα Привет مرحبا שלום')).toBe(23);
    expect(x('日本語')).toBe(6);
    expect(x('한국어')).toBe(6);
  });

  it('counts typographic quotes, dashes and primes 1, other punctuation outside Latin 2', () => {
    expect(x('“quoted” – ‘single’ ′')).toBe(21);
    expect(x('…')).toBe(2);
    expect(x('€')).toBe(2);
  });

  it('counts any emoji sequence 2 in all, newer ones too (🫶🏼, which twitter-text counts 4)', () => {
    for (const emoji of ['👍', '👍🏽', '👨‍👩‍👧‍👦', '🇩🇪', '1️⃣', '🫶🏼', '🏴‍☠️', '🧑🏾‍💻']) expect(x(emoji)).toBe(2);
    expect(x('a👍b')).toBe(4);
  });

  it('normalises to NFC first: a letter and its combining accent count 1', () => {
    expect(x('e\u0301')).toBe(1);
    expect(x('Å')).toBe(1);
  });

  it('flags the characters X refuses (U+FFFE, U+FEFF, U+FFFF), each once, and still counts them', () => {
    expect(measureMessage('x', 'ok\uFFFF\uFFFE\uFFFF\uFEFF')).toMatchObject({
      length: 2 + 8,
      refused: ['U+FFFF', 'U+FFFE', 'U+FEFF'],
      over: false,
    });
    expect(measureMessage('x', 'fine \u202A\u202E').refused).toEqual([]);
    expect(measureMessage('bluesky', 'a\uFFFF').refused).toEqual([]);
  });

  it('counts 280 as fitting and 281 as over', () => {
    expect(measureMessage('x', 'a'.repeat(280))).toMatchObject({ length: 280, remaining: 0, over: false });
    expect(measureMessage('x', `${'a'.repeat(257)} https://example.com/`)).toMatchObject({ length: 281, over: true });
  });
});
