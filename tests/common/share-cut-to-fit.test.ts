/**
 * Cutting a message to fit its network: what comes out fits by the network's own count, keeps what must
 * follow the words (the organisation's line, the link) whole, ends at a word with an ellipsis, and is the
 * longest such cut; a word longer than the limit is cut between characters, never inside one; when the
 * line and the link alone are too long there is no cut.
 */
import { describe, expect, it } from 'vitest';
import { cutToFit } from '../../common/share/cut-to-fit.ts';
import { withLink } from '../../common/share/intents.ts';
import { measureMessage } from '../../common/share/length.ts';

const LINK = 'https://blog.example.com/ship-small?utm_source=x&utm_medium=social';
const LINE = 'I work at Example Corp.';
const posted = (cut: string): string => withLink(`${cut}\n\n${LINE}`, LINK);
const words = Array.from({ length: 90 }, (_, index) => `word${String(index)}`).join(' ');

describe('cutToFit', () => {
  it('cuts a 543-character message for X at a word, keeping the line and the link, and fitting', () => {
    expect(words.length).toBeGreaterThan(540);
    const cut = cutToFit('x', words, posted);
    if (cut === null) throw new Error('no cut');
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    expect(words.startsWith(kept)).toBe(true);
    expect(words[kept.length]).toBe(' ');
    const length = measureMessage('x', posted(cut));
    expect(length.over).toBe(false);
    expect(posted(cut).endsWith(`${LINE} ${LINK}`)).toBe(true);
    // The longest: one more word would not fit.
    const next = words.indexOf(' ', kept.length + 1);
    expect(measureMessage('x', posted(`${words.slice(0, next)}…`)).over).toBe(true);
  });

  it('leaves words that fit as they are', () => {
    expect(cutToFit('linkedin', words, posted)).toBe(words);
  });

  it('cuts one word longer than the limit between characters, never inside an emoji', () => {
    const family = '👨‍👩‍👧‍👦';
    const long = family.repeat(400);
    const cut = cutToFit('bluesky', long, (text) => withLink(text, LINK));
    if (cut === null) throw new Error('no cut');
    expect(measureMessage('bluesky', withLink(cut, LINK)).over).toBe(false);
    expect(cut.slice(0, -1).length % family.length).toBe(0);
    expect(cut.length).toBeGreaterThan(family.length * 100);
  });

  it('counts by the person’s Mastodon server when given its limits', () => {
    const mastodon = { instance: 'small.example', maxCharacters: 100, charactersReservedPerUrl: 23 };
    const cut = cutToFit('mastodon', words, posted, { mastodon });
    if (cut === null) throw new Error('no cut');
    expect(measureMessage('mastodon', posted(cut), { mastodon }).over).toBe(false);
    expect(measureMessage('mastodon', posted(cut)).remaining).toBeGreaterThan(400);
  });

  it('cuts a 100 KB message too, from its beginning', () => {
    const huge = 'lorem ipsum '.repeat(9000);
    const cut = cutToFit('x', huge, posted);
    expect(cut?.startsWith('lorem ipsum lorem')).toBe(true);
    expect(measureMessage('x', posted(cut ?? huge)).over).toBe(false);
  });

  it('gives no cut when the organisation’s line and the link alone are over the limit', () => {
    const longLine = 'I work at Example Corp. '.repeat(12);
    expect(cutToFit('x', words, (cut) => withLink(`${cut}\n\n${longLine}`, LINK))).toBeNull();
  });
});
