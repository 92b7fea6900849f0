/**
 * X's weighted length (twitter-text configuration v3): most Latin, Greek, Cyrillic, Hebrew, Arabic and
 * common punctuation count 1, everything else (CJK, emoji) counts 2, every link counts 23, and the text
 * is NFC-normalised first. An emoji sequence (family, flag, keycap, skin tone) counts 2 as a whole.
 */
import { graphemes } from './graphemes.ts';
import { findXLinks, textOutside } from './links-in-text.ts';

export const X_LINK_LENGTH = 23;

/** Code point ranges that weigh 1; the rest weigh 2. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

function codePointWeight(codePoint: number): number {
  return LIGHT_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end) ? 1 : 2;
}

function plainWeight(text: string): number {
  let weight = 0;
  for (const cluster of graphemes(text)) {
    if (EMOJI.test(cluster)) {
      weight += 2;
      continue;
    }
    for (const char of cluster) weight += codePointWeight(char.codePointAt(0) ?? 0);
  }
  return weight;
}

export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  const links = findXLinks(normalized);
  return (
    links.length * X_LINK_LENGTH + textOutside(normalized, links).reduce((sum, part) => sum + plainWeight(part), 0)
  );
}
