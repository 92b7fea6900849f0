/** The composer's block-list rules: the text cut into marked pieces, and the reasons in words. */
import { describe, expect, it } from 'vitest';
import type { BlockMatch } from '../../../common/share/block-list.ts';
import { blockNotes, markedPieces } from '../../../renderer/share/block-marks.ts';

const match = (start: number, end: number, level: BlockMatch['level'], term = 'term'): BlockMatch => ({
  start,
  end,
  term,
  level,
});

describe('markedPieces', () => {
  it('cuts the text where marks start and end, keeping every character once', () => {
    const text = 'an insider tip';
    const pieces = markedPieces(text, [match(3, 10, 'warn')]);
    expect(pieces).toEqual([
      { text: 'an ', mark: null },
      { text: 'insider', mark: 'warn' },
      { text: ' tip', mark: null },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });

  it('marks overlapping terms as the strictest of them where they overlap', () => {
    // "sure thing" warned, "thing now" blocked: "thing" is in both.
    expect(markedPieces('sure thing now', [match(0, 10, 'warn'), match(5, 14, 'block')])).toEqual([
      { text: 'sure ', mark: 'warn' },
      { text: 'thing now', mark: 'block' },
    ]);
  });

  it('gives one plain piece without matches, and nothing for an empty text', () => {
    expect(markedPieces('plain', [])).toEqual([{ text: 'plain', mark: null }]);
    expect(markedPieces('', [])).toEqual([]);
  });
});

describe('blockNotes', () => {
  it('names each blocked term once, with the grammar of one or several', () => {
    expect(blockNotes([match(0, 1, 'block', 'insider'), match(5, 6, 'block', 'insider')]).blocked).toBe(
      '“insider” is on your organisation’s block list: Copy and Open stay off until you take it out of the message.',
    );
    expect(
      blockNotes([match(0, 1, 'block', 'a1'), match(2, 3, 'block', 'b2'), match(4, 5, 'block', 'c3')]).blocked,
    ).toBe(
      '“a1”, “b2” and “c3” are on your organisation’s block list: Copy and Open stay off until you take them out of the message.',
    );
  });

  it('keeps warned and blocked terms apart, and says nothing without them', () => {
    const notes = blockNotes([match(0, 1, 'warn', 'insider'), match(2, 3, 'warn', 'tip off')]);
    expect(notes.blocked).toBeNull();
    expect(notes.warned).toBe(
      'Your organisation asks for care with “insider” and “tip off”: check the message says what you mean before you share it.',
    );
    expect(blockNotes([])).toEqual({ blocked: null, warned: null });
  });
});
