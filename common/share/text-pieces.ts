/**
 * A long text in pieces that can be counted one after another and added up, so counting can stop once
 * a message is far past its limit instead of reading a 100 KB paste on every keystroke. A piece ends
 * only where nothing the count looks at spans the cut, and at a grapheme boundary (as Intl.Segmenter
 * itself says). Nothing spans a space or a line break. A link spans no other character that no URL
 * path or query may hold either, unless the character could be in a domain: its run of domain
 * characters reaches a dot within 126 code units (a label's longest), or comes from one within 63 (a
 * TLD's part). For Mastodon, a mention must not span it either: a mention's server name is letters,
 * digits, `_`, `.` and `-` after an @.
 */
import { isLabelUnit, isSpace, MAX_LABEL_LENGTH, MAX_PATTERN_LABEL, PATH_OR_QUERY_CHAR } from './x-url-pattern.ts';

/** What must not be cut: X's links, or Mastodon's links and mentions. */
export type PieceRules = 'x' | 'mastodon';

/** Each piece is at least this long, unless the text ends first. */
export const PIECE_LENGTH = 2048;

/** Where a piece may end, before the other checks (non-unicode and case-folded, as the path pattern is). */
const NOT_IN_PATH = new RegExp(`(?!${PATH_OR_QUERY_CHAR.source})[\\s\\S]`, 'gi');
const NOT_IN_MENTION_SERVER = /[^\p{L}\p{N}_.-]/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Whether the run of label characters through a position meets a dot within `reach` code units that way. */
function dotWithin(text: string, at: number, step: 1 | -1, reach: number): boolean {
  for (let index = at, left = reach; left >= 0 && index >= 0 && index < text.length; index += step, left -= 1) {
    const code = text.charCodeAt(index);
    if (code === 0x2e) return true;
    if (!isLabelUnit(code)) return false;
  }
  return false;
}

const mayBeInDomain = (text: string, at: number): boolean =>
  dotWithin(text, at, 1, MAX_PATTERN_LABEL) || dotWithin(text, at, -1, MAX_LABEL_LENGTH);

/** Whether an @ before the position reaches it through a mention's server name. */
function mayBeInMention(text: string, at: number): boolean {
  const sign = text.lastIndexOf('@', at - 1);
  if (sign === -1) return false;
  NOT_IN_MENTION_SERVER.lastIndex = sign + 1;
  const stop = NOT_IN_MENTION_SERVER.exec(text);
  return stop === null || stop.index >= at;
}

/** The text's pieces as [start, end) pairs, in order, covering it all. */
export function* textPieces(text: string, rules: PieceRules): Generator<readonly [number, number]> {
  const segments = segmenter.segment(text);
  const cutsBefore = (at: number): boolean => {
    const outside =
      isSpace(text.charCodeAt(at)) || (!mayBeInDomain(text, at) && (rules === 'x' || !mayBeInMention(text, at)));
    return outside && segments.containing(at)?.index === at;
  };
  const cutFrom = (from: number): number => {
    NOT_IN_PATH.lastIndex = from;
    for (let found = NOT_IN_PATH.exec(text); found !== null; found = NOT_IN_PATH.exec(text)) {
      if (cutsBefore(found.index)) return found.index;
    }
    return text.length;
  };
  for (let start = 0; start < text.length;) {
    const end = start + PIECE_LENGTH >= text.length ? text.length : cutFrom(start + PIECE_LENGTH);
    yield [start, end];
    start = end;
  }
}

/** A count, or where counting stopped: then the text holds more than `length`. */
export interface Count {
  readonly length: number;
  readonly exact: boolean;
}

/** Adds up `count` over the pieces, stopping once past `stopAbove` (Infinity: the whole text at once). */
export function countByPieces(
  text: string,
  rules: PieceRules,
  stopAbove: number,
  count: (piece: string) => number,
): Count {
  if (stopAbove === Infinity) return { length: count(text), exact: true };
  let total = 0;
  for (const [start, end] of textPieces(text, rules)) {
    total += count(text.slice(start, end));
    if (total > stopAbove) return { length: stopAbove, exact: false };
  }
  return { length: total, exact: true };
}
