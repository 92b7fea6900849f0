/**
 * Finds the links a network would shorten to a fixed length. Mastodon only recognises links with a
 * scheme; X also links `www.` addresses and bare domains, of which the common top-level domains are
 * recognised here (X's full list is longer: a bare domain with a rare TLD is counted as plain text).
 */

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

const SCHEME_LINK = /\bhttps?:\/\/[^\s<>"]+/giu;
const COMMON_TLDS =
  'com|org|net|io|co|ai|app|dev|edu|gov|info|biz|blog|tech|me|tv|de|fr|uk|nl|be|ch|at|es|it|se|no|dk|fi|pl|pt|ie|eu|us|ca|au|jp|in|br';
const X_LINK = new RegExp(
  `\\bhttps?://[^\\s<>"]+|\\bwww\\.[^\\s<>"]+|(?<![\\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${COMMON_TLDS})\\b(?![.-]?\\w)(?:/[^\\s<>"]*)?`,
  'giu',
);

/** Trailing punctuation belongs to the sentence, not the link, unless it closes a bracket the link opened. */
function trimTrailing(link: string): string {
  let end = link.length;
  for (;;) {
    const last = link[end - 1];
    if (last === undefined) return '';
    if ('.,;:!?\'"'.includes(last)) {
      end -= 1;
      continue;
    }
    if (last === ')' || last === ']') {
      const open = last === ')' ? '(' : '[';
      const body = link.slice(0, end);
      if (body.split(open).length < body.split(last).length) {
        end -= 1;
        continue;
      }
    }
    return link.slice(0, end);
  }
}

function findLinks(text: string, pattern: RegExp): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const link = trimTrailing(match[0]);
    if (link.length > 0) spans.push({ start: match.index, end: match.index + link.length });
  }
  return spans;
}

/** Links with an http(s) scheme, as Mastodon counts them. */
export const findSchemeLinks = (text: string): TextSpan[] => findLinks(text, SCHEME_LINK);

/** Links as X counts them: with a scheme, starting with `www.`, or a bare domain with a common TLD. */
export const findXLinks = (text: string): TextSpan[] => findLinks(text, X_LINK);

/** The text between the spans, in order: what is counted character by character. */
export function textOutside(text: string, spans: readonly TextSpan[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const span of spans) {
    parts.push(text.slice(from, span.start));
    from = span.end;
  }
  parts.push(text.slice(from));
  return parts;
}
