/**
 * The ported URL extractor's own parts: punycode against RFC 3492's samples, the TLD list, and the
 * linear-time scan, which must find exactly what a plain global scan of the same pattern finds.
 */
import tlds from 'tlds/index.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { punycodeEncode, toAscii } from '../../common/share/punycode.ts';
import { urlCandidates } from '../../common/share/x-url-candidates.ts';
import { findUrls } from '../../common/share/x-url-extract.ts';
import { URL_CANDIDATE } from '../../common/share/x-url-pattern.ts';
import { randomMessage, seededRandom } from './random-text.ts';

const links = (text: string, withoutProtocol = true): string[] =>
  findUrls(text, { withoutProtocol }).map(({ start, end }) => text.slice(start, end));

describe('punycode', () => {
  it.each([
    ['RFC 3492 7.1 (A), Arabic', 'ليهمابتكلموشعربي؟', 'egbpdaj6bu4bxfgehfvwxn'],
    ['RFC 3492 7.1 (B), Chinese', '他们为什么不说中文', 'ihqwcrb4cv8a8dqg056pqjye'],
    ['RFC 3492 7.1 (L), mixed with ASCII', '3年B組金八先生', '3B-ww4c5e180e575a65lsy2b'],
    ['RFC 3492 7.1 (P)', 'MajiでKoiする5秒前', 'MajiKoi5-783gue6qz075azm5e'],
    ['RFC 3492 7.1 (R)', 'そのスピードで', 'd9juau41awczczp'],
    ['a German word', 'bücher', 'bcher-kva'],
    ['an astral character', '😀', 'e28h'],
  ])('encodes %s', (_name, label, encoded) => {
    expect(punycodeEncode(label)).toBe(encoded);
  });

  it('turns each non-ASCII label into xn--…, splitting at the ideographic full stop as punycode.js does', () => {
    expect(toAscii('bücher.example')).toBe('xn--bcher-kva.example');
    expect(toAscii('例え。テスト')).toBe('xn--r8jz45g.xn--zckzah');
  });
});

describe('the TLD list (IANA root zone, from the tlds package)', () => {
  it('holds over 1,400 TLDs, the newer ones and the internationalised ones among them', () => {
    expect(tlds.length).toBeGreaterThan(1400);
    expect(tlds).toEqual(expect.arrayContaining(['com', 'ly', 'app', 'dev', 'zip', 'みんな', 'рф']));
    expect(links('https://example.xn--p1ai/ and example.рф')).toEqual(['https://example.xn--p1ai/', 'example.рф']);
  });

  it('links example.<tld> for every TLD on it, with and without a protocol', () => {
    const missed = tlds.filter(
      (tld) =>
        links(`see example.${tld}/x now`).join() !== `example.${tld}/x` ||
        links(`see https://example.${tld} now`).join() !== `https://example.${tld}`,
    );
    expect(missed).toEqual([]);
  });

  it('does not link a TLD that is not on it', () => {
    expect(links('example.notatld example.js example.onion')).toEqual([]);
  });
});

describe('Mastodon: links only with a protocol', () => {
  it('takes https:// and http:// links and leaves bare domains as text', () => {
    expect(links('example.com and https://example.com/a, http://b.org', false)).toEqual([
      'https://example.com/a',
      'http://b.org',
    ]);
  });
});

describe('the linear-time scan', () => {
  /** Every position, as a plain global regex scans: what the candidate scan must reproduce. */
  const plainScan = (text: string): [number, string][] =>
    Array.from(text.matchAll(new RegExp(URL_CANDIDATE.source, 'gi')), (match) => [match.index, match[0]]);

  it('finds exactly the matches of a plain global scan, in 300 random messages', () => {
    const random = seededRandom(16);
    for (let round = 0; round < 300; round += 1) {
      const text = randomMessage(random, 200 + Math.floor(random() * 1500), round % 2 === 0 ? 0.8 : 0.3);
      expect(
        urlCandidates(text).map((match) => [match.index, match[0]]),
        JSON.stringify(text),
      ).toEqual(plainScan(text));
    }
  });

  it('reads 100 KB of Japanese without a space, or of "a.a.a…", as any other text', () => {
    const japanese = `${'新しい記事を公開しました'.repeat(8000)}Node.js です https://example.com/`;
    expect(links(japanese)).toEqual(['https://example.com/']);
    expect(links(`${'a.'.repeat(100)}com`)).toEqual([`${'a.'.repeat(100)}com`]);
    // As twitter-text: one candidate of 100 KB, over the 4,096 characters a URL may have.
    expect(links(`${'a.'.repeat(50_000)}com`)).toEqual([]);
  });
});
