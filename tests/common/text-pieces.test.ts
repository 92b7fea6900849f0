/**
 * Counting a long message piece by piece (so the window can stop far past the limit) must give the
 * same figure as counting it whole: tried on random messages full of links, dots, CJK, emoji sequences,
 * mentions and combining marks, and on the cuts that would go wrong if a piece ended in the wrong place.
 */
import { describe, expect, it } from 'vitest';
import { mastodonLength } from '../../common/share/mastodon-length.ts';
import { PIECE_LENGTH, textPieces } from '../../common/share/text-pieces.ts';
import { xWeightedLength } from '../../common/share/x-length.ts';
import { randomMessage, seededRandom } from './random-text.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const boundaries = (text: string): Set<number> => new Set(Array.from(segmenter.segment(text), (part) => part.index));

/** By pieces: any finite stop makes the counters go piece by piece. */
const FAR = 10 ** 9;

describe('pieces', () => {
  it('cover the text in order, each cut at a grapheme boundary and none shorter than the piece length', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 20; round += 1) {
      const text = randomMessage(random, 30_000, 0.2);
      const pieces = [...textPieces(text, round % 2 === 0 ? 'x' : 'mastodon')];
      const starts = boundaries(text);
      expect(pieces[0]?.[0]).toBe(0);
      expect(pieces.at(-1)?.[1]).toBe(text.length);
      for (const [index, [start, end]] of pieces.entries()) {
        if (index > 0) expect(start).toBe(pieces[index - 1]?.[1]);
        expect(starts.has(start)).toBe(true);
        if (end < text.length) expect(end - start).toBeGreaterThanOrEqual(PIECE_LENGTH);
      }
    }
  });

  it('add up to the whole count on X and Mastodon, in 60 random messages', () => {
    const random = seededRandom(42);
    let cut = 0;
    for (let round = 0; round < 60; round += 1) {
      const text = randomMessage(random, 5000 + Math.floor(random() * 20_000), [0.05, 0.3, 0.9][round % 3] ?? 0);
      cut += [...textPieces(text.normalize('NFC'), 'x')].length - 1;
      expect(xWeightedLength(text, FAR), `X, round ${String(round)}`).toEqual(xWeightedLength(text));
      expect(mastodonLength(text, 23, FAR), `Mastodon, round ${String(round)}`).toEqual(mastodonLength(text, 23));
    }
    expect(cut).toBeGreaterThan(100);
  });

  it('never cut a link, a mention or an emoji sequence, wherever the piece length falls', () => {
    const at = (filler: string, thing: string): string => filler.repeat(PIECE_LENGTH) + thing + filler.repeat(100);
    const cases = [
      at('日', '日本語です。example.comは'),
      at('日', 'https://example.com/path'),
      at('a ', '@alice@example.social and more'),
      `${'日'.repeat(PIECE_LENGTH - 8)}。@alice@${'日本語'.repeat(50)}`,
      `${'日'.repeat(PIECE_LENGTH - 8)}。https://${'日本語'.repeat(10)}.jp/`,
      at('x ', '👨‍👩‍👧‍👦🇩🇪\u0600 \u20E3'),
      at('日', 'e\u0301\u0301\u0301'),
      at('日', 'ドメイン.みんな'),
    ];
    for (const text of cases) {
      expect(xWeightedLength(text, FAR)).toEqual(xWeightedLength(text));
      expect(mastodonLength(text, 23, FAR)).toEqual(mastodonLength(text, 23));
    }
  });
});
