/**
 * Per-network message lengths, counted as each network counts them (common/share/length.ts); X's own rules are in
 * x-length.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COUNTED_PAST_LIMIT, measureMessage, MESSAGE_LIMITS } from '../../common/share/length.ts';
import { exceedsGraphemes } from '../../common/share/graphemes.ts';

describe('Bluesky', () => {
  it('counts graphemes against 300', () => {
    expect(measureMessage('bluesky', '👨‍👩‍👧‍👦'.repeat(300))).toMatchObject({
      length: 300,
      limit: 300,
      remaining: 0,
      over: false,
    });
    expect(measureMessage('bluesky', 'e\u0301'.repeat(301)).over).toBe(true);
  });

  it('counts a link in full: the URL is part of the text', () => {
    const link = 'https://blog.example.com/posts/a-rather-long-slug';
    expect(measureMessage('bluesky', `New: ${link}`).length).toBe(5 + link.length);
  });
});

describe('Mastodon', () => {
  it('counts links as 23 and graphemes elsewhere, against 500, while its server is unknown', () => {
    expect(measureMessage('mastodon', `Look 👀 https://blog.example.com/${'x'.repeat(100)}`).length).toBe(7 + 23);
    expect(measureMessage('mastodon', 'a'.repeat(501))).toMatchObject({ limit: 500, over: true, remaining: -1 });
  });

  it("counts against the server's own limit and its characters per link", () => {
    const server = { instance: 'big.example', maxCharacters: 5000, charactersReservedPerUrl: 30 };
    expect(measureMessage('mastodon', 'a'.repeat(501), { mastodon: server })).toMatchObject({
      limit: 5000,
      over: false,
      remaining: 4499,
    });
    expect(measureMessage('mastodon', 'Read https://blog.example.com/post', { mastodon: server }).length).toBe(5 + 30);
  });

  it("finds links with X's rules, scheme required: a link ends where X says, at a sentence's end or a bracket", () => {
    expect(measureMessage('mastodon', 'see https://example.com/x.').length).toBe(4 + 23 + 1);
    expect(measureMessage('mastodon', '(https://example.com/x) and more').length).toBe(1 + 23 + 10);
    expect(measureMessage('mastodon', '詳しくはhttps://example.com/をご覧ください').length).toBe(4 + 23 + 7);
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
        exact: true,
        limit: null,
        remaining: null,
        over: false,
        refused: [],
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

describe('a long paste, counted as the window counts on every keystroke', () => {
  const paste = 'Ein langer Text mit Umlauten: äöü, und einem Link https://blog.example.com/post. '.repeat(1300);

  it('stops 10,000 past the limit on every network with one, and says the message is longer still', () => {
    for (const network of ['x', 'bluesky', 'threads', 'mastodon', 'linkedin'] as const) {
      const limit = MESSAGE_LIMITS[network] ?? 0;
      expect(measureMessage(network, paste, { countPastLimit: COUNTED_PAST_LIMIT })).toEqual({
        length: limit + COUNTED_PAST_LIMIT,
        exact: false,
        limit,
        remaining: -COUNTED_PAST_LIMIT,
        over: true,
        refused: [],
      });
    }
  });

  it('stops 10,000 characters in where there is no limit', () => {
    expect(measureMessage('email', paste, { countPastLimit: COUNTED_PAST_LIMIT })).toMatchObject({
      length: COUNTED_PAST_LIMIT,
      exact: false,
      over: false,
    });
  });

  it('counts exactly, and the same, whatever it stops at, while the message is shorter than that', () => {
    const message = paste.slice(0, 3000);
    for (const network of ['x', 'bluesky', 'mastodon'] as const) {
      const whole = measureMessage(network, message);
      expect(whole.exact).toBe(true);
      expect(measureMessage(network, message, { countPastLimit: COUNTED_PAST_LIMIT })).toEqual(whole);
    }
  });
});
