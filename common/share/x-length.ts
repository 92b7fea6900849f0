/**
 * X's weighted length, as twitter-text 3.1's parseTweet counts it with configuration v3 (Copyright 2018
 * Twitter, Inc., Apache License 2.0): the text NFC-normalised, every link 23, code points from U+0000 to
 * U+10FF and the general punctuation X lists weigh 1, every other code point 2. One rule is the
 * project's own: any emoji sequence (a grapheme cluster holding a pictograph, a flag's regional
 * indicators or a keycap) weighs 2 in all, as X counts today; twitter-text's emoji data is older
 * (it counts 🫶🏼 as 4).
 */
import { countByPieces, type Count } from './text-pieces.ts';
import { findUrls } from './x-url-extract.ts';
import { classOf, INVALID } from './x-url-pattern.ts';

export const X_LINK_LENGTH = 23;

/** Code point ranges that weigh 1 (config/v3.json); the rest weigh 2. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

const EMOJI_PART = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const EMOJI_PARTS = new RegExp(EMOJI_PART.source, 'gu');
const REFUSED = new RegExp(`[${classOf(INVALID)}]`, 'g');

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function unitWeight(unit: number): number {
  for (const [start, end] of LIGHT_RANGES) if (unit >= start && unit <= end) return 1;
  return 2;
}

/** Every code point by its own weight; a surrogate pair is one code point outside the light ranges. */
function plainWeight(text: string, from: number, to: number): number {
  let weight = 0;
  for (let index = from; index < to; index += 1) {
    const unit = text.charCodeAt(index);
    const low = unit >= 0xd800 && unit <= 0xdbff ? text.charCodeAt(index + 1) : 0;
    if (index + 1 < to && low >= 0xdc00 && low <= 0xdfff) index += 1;
    weight += unitWeight(unit);
  }
  return weight;
}

/** Text with no link in it: 2 for each emoji sequence, found around each emoji code point, the rest by code point. */
function textWeight(text: string): number {
  if (!EMOJI_PART.test(text)) return plainWeight(text, 0, text.length);
  const segments = segmenter.segment(text);
  let weight = 0;
  let from = 0;
  for (const match of text.matchAll(EMOJI_PARTS)) {
    if (match.index < from) continue;
    const cluster = segments.containing(match.index);
    if (cluster === undefined) continue;
    weight += plainWeight(text, from, cluster.index) + 2;
    from = cluster.index + cluster.segment.length;
  }
  return weight + plainWeight(text, from, text.length);
}

function normalizedWeight(normalized: string): number {
  let weight = 0;
  let from = 0;
  for (const link of findUrls(normalized, { withoutProtocol: true })) {
    weight += textWeight(normalized.slice(from, link.start)) + X_LINK_LENGTH;
    from = link.end;
  }
  return weight + textWeight(normalized.slice(from));
}

/** The weighted length; counting stops once past `stopAbove`, for a long paste on every keystroke. */
export function xWeightedLength(text: string, stopAbove = Infinity): Count {
  return countByPieces(text.normalize('NFC'), 'x', stopAbove, normalizedWeight);
}

/** The characters X refuses in any post (U+FFFE, U+FEFF, U+FFFF), each once, in the order they first appear. */
export function xRefusedCharacters(text: string): string[] {
  return [...new Set(text.match(REFUSED))];
}
