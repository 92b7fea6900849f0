/** Composing the shared text, and the post list's order and keys. */
import { describe, expect, it } from 'vitest';
import { withLink } from '../../../common/share/intents.ts';
import { measureMessage } from '../../../common/share/length.ts';
import { nextRow } from '../../../renderer/posts/list-keys.ts';
import { newestFirst } from '../../../renderer/posts/order.ts';
import { composeShareText } from '../../../renderer/share/compose.ts';
import { postView } from '../fake-api.ts';

describe('composeShareText', () => {
  it("puts the person's take first, then the message, then the disclosure", () => {
    expect(
      composeShareText({
        take: 'Worth a read.',
        message: 'We moved to daily releases.',
        disclosure: 'I work at Example.',
      }),
    ).toBe('Worth a read.\n\nWe moved to daily releases.\n\nI work at Example.');
  });

  it('leaves out an empty take and has no disclosure when there is none', () => {
    expect(composeShareText({ take: '   ', message: 'Message', disclosure: '' })).toBe('Message');
  });

  it('never doubles a disclosure the message already carries, and never drops it when the message is emptied', () => {
    expect(composeShareText({ take: '', message: 'News. I work at Example.', disclosure: 'I work at Example.' })).toBe(
      'News. I work at Example.',
    );
    expect(composeShareText({ take: '', message: '', disclosure: 'I work at Example.' })).toBe('I work at Example.');
  });

  it('is what the counters measure once the link is added: X counts the link as 23', () => {
    const text = composeShareText({ take: 'Mine.', message: 'Hello', disclosure: '' });
    const posted = withLink(text, `https://blog.example.com/${'a'.repeat(200)}`);
    expect(measureMessage('x', posted).length).toBe('Mine.\n\nHello '.length + 23);
  });
});

describe('newestFirst', () => {
  it('orders by date, newest first, undated last in their original order', () => {
    const posts = [
      postView({ id: 'old', publishedAt: '2026-01-01T00:00:00Z' }),
      postView({ id: 'undated-1', publishedAt: null }),
      postView({ id: 'new', publishedAt: '2026-11-01T00:00:00Z' }),
      postView({ id: 'undated-2', publishedAt: 'garbage' }),
    ];
    expect(newestFirst(posts).map((post) => post.id)).toEqual(['new', 'old', 'undated-1', 'undated-2']);
  });
});

describe('nextRow', () => {
  it.each([
    ['ArrowDown', 0, 1],
    ['j', 4, 4],
    ['ArrowUp', 0, 0],
    ['k', 3, 2],
    ['Home', 3, 0],
    ['End', 0, 4],
    ['PageDown', 1, 4],
    ['PageUp', 4, 0],
  ])('%s from row %i of 5 goes to %i', (key, from, to) => {
    expect(nextRow(key, from, 5)).toBe(to);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextRow('Enter', 0, 5)).toBeNull();
    expect(nextRow('ArrowDown', 0, 0)).toBeNull();
  });
});
