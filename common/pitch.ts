/**
 * Turns a feed item's summary (which may be HTML) into a short plain-text pitch.
 * The window never renders feed HTML, so everything here must end as inert text.
 */
import { decodeHTML } from 'entities';

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    // Every HTML named entity (&eacute;, &hellip;, &rsquo;…): feeds use far more than the XML five.
    return decodeHTML(whole);
  });
}

/** Strips tags (dropping script and style bodies), decodes entities and collapses whitespace. */
export function htmlToPlainText(html: string): string {
  const withoutCode = html.replace(/<(script|style|noscript|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ');
  const withoutTags = withoutCode.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<\/?[a-z!][^>]*>?/gi, ' ');
  // Decode after stripping so that escaped markup ("&lt;b&gt;") stays visible text, never becomes tags.
  return decodeEntities(withoutTags).replace(/\s+/g, ' ').trim();
}

const SENTENCE_END = /[.!?…](?=\s|$)/g;

/** The first sentence of the text, or its first `maxLength` characters cut at a word when no sentence ends in time. */
export function firstSentence(text: string, maxLength = 200): string {
  SENTENCE_END.lastIndex = 0;
  const match = SENTENCE_END.exec(text);
  if (match && match.index < maxLength) return text.slice(0, match.index + 1);
  return shortenAtWord(text, maxLength);
}

/** The text as it is when it fits, else cut at the last word boundary that leaves room for "…". */
export function shortenAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export function derivePitch(summaryHtml: string): string {
  return firstSentence(htmlToPlainText(summaryHtml));
}
