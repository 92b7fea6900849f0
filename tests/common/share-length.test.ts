/** Per-network message lengths, counted as each network counts them (common/share/length.ts). */
import { describe, expect, it } from 'vitest';
import { measureMessage, MESSAGE_LIMITS } from '../../common/share/length.ts';
import { xWeightedLength } from '../../common/share/x-length.ts';
import { exceedsGraphemes } from '../../common/share/graphemes.ts';

describe('X weighted length', () => {
  it('counts Latin text one per character and the limit at 280', () => {
    expect(xWeightedLength('hello')).toBe(5);
    expect(measureMessage('x', 'a'.repeat(280))).toEqual({ length: 280, limit: 280, remaining: 0, over: false });
    expect(measureMessage('x', 'a'.repeat(281)).over).toBe(true);
  });

  it('counts every link as 23 however long it is', () => {
    expect(xWeightedLength(`Read https://blog.example.com/${'a'.repeat(200)}`)).toBe(5 + 23);
    expect(xWeightedLength('https://t.co/x and http://example.org/a?b=c#d')).toBe(23 + 5 + 23);
  });

  it('leaves sentence punctuation out of a link but keeps a closing bracket the link opened', () => {
    expect(xWeightedLength('see https://a.example/x.')).toBe(4 + 23 + 1);
    expect(xWeightedLength('(https://a.example/x)')).toBe(1 + 23 + 1);
    expect(xWeightedLength('https://en.wikipedia.org/wiki/Foo_(bar)')).toBe(23);
  });

  it('counts www. addresses and bare domains with a common TLD as links, but not Node.js', () => {
    expect(xWeightedLength('www.example.org/page')).toBe(23);
    expect(xWeightedLength('go to example.com.')).toBe(6 + 23 + 1);
    expect(xWeightedLength('Node.js')).toBe(7);
    expect(xWeightedLength('example.company')).toBe(15);
    expect(xWeightedLength('mail me@example.com')).toBeGreaterThan(8 + 1);
  });

  it('counts CJK as 2 each and any emoji sequence as 2 in all', () => {
    expect(xWeightedLength('日本語')).toBe(6);
    expect(xWeightedLength('👍')).toBe(2);
    expect(xWeightedLength('👍🏽')).toBe(2);
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(xWeightedLength('🇩🇪')).toBe(2);
    expect(xWeightedLength('1️⃣')).toBe(2);
  });

  it('normalises to NFC first, and counts typographic quotes and dashes as 1', () => {
    expect(xWeightedLength('e\u0301')).toBe(1);
    expect(xWeightedLength('“quoted” – ‘single’')).toBe(19);
  });
});

describe('Bluesky', () => {
  it('counts graphemes against 300', () => {
    expect(measureMessage('bluesky', '👨‍👩‍👧‍👦'.repeat(300))).toEqual({ length: 300, limit: 300, remaining: 0, over: false });
    expect(measureMessage('bluesky', 'e\u0301'.repeat(301)).over).toBe(true);
  });

  it('counts a link in full: the URL is part of the text', () => {
    const link = 'https://blog.example.com/posts/a-rather-long-slug';
    expect(measureMessage('bluesky', `New: ${link}`).length).toBe(5 + link.length);
  });
});

describe('Mastodon', () => {
  it('counts links as 23 and graphemes elsewhere, against 500', () => {
    expect(measureMessage('mastodon', `Look 👀 https://blog.example.com/${'x'.repeat(100)}`).length).toBe(7 + 23);
    expect(measureMessage('mastodon', 'a'.repeat(501))).toMatchObject({ limit: 500, over: true, remaining: -1 });
  });

  it('counts a remote mention without its instance, as Mastodon does', () => {
    expect(measureMessage('mastodon', '@alice@example.social hi').length).toBe('@alice hi'.length);
    expect(measureMessage('mastodon', 'mail a@b.example').length).toBe('mail a@b.example'.length);
  });

  it('does not treat a bare domain as a link (Mastodon needs a scheme)', () => {
    expect(measureMessage('mastodon', 'example.com').length).toBe(11);
  });
});

describe('Threads, LinkedIn and the networks without a limit', () => {
  it('Threads: 500 graphemes', () => {
    expect(measureMessage('threads', '👍🏽'.repeat(500)).over).toBe(false);
    expect(measureMessage('threads', 'a'.repeat(501)).over).toBe(true);
  });

  it('LinkedIn: 3,000, counting an emoji as two so the warning comes early', () => {
    expect(measureMessage('linkedin', 'a'.repeat(3000)).over).toBe(false);
    expect(measureMessage('linkedin', `${'a'.repeat(2999)}👍`)).toMatchObject({ length: 3001, over: true });
  });

  it('Facebook, XING and email report a length but never a limit', () => {
    for (const network of ['facebook', 'xing', 'email'] as const) {
      expect(MESSAGE_LIMITS[network]).toBeNull();
      expect(measureMessage(network, 'a'.repeat(10_000))).toEqual({
        length: 10_000,
        limit: null,
        remaining: null,
        over: false,
      });
    }
  });
});

describe('exceedsGraphemes', () => {
  it('tells whether a text has more graphemes than a limit, an emoji family counting as one', () => {
    expect(exceedsGraphemes('👩‍👩‍👧‍👦'.repeat(3), 3)).toBe(false);
    expect(exceedsGraphemes('👩‍👩‍👧‍👦'.repeat(4), 3)).toBe(true);
    expect(exceedsGraphemes('abc', 3)).toBe(false);
  });

  it("answers for a 100 KB text (a hostile feed's message)", () => {
    expect(exceedsGraphemes('x'.repeat(100 * 1024), 300)).toBe(true);
    expect(exceedsGraphemes('x'.repeat(100 * 1024), 200 * 1024)).toBe(false);
  });
});
