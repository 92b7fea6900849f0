/**
 * Feed text as the window shows it: plain, one line, no characters that can disguise it (bidi
 * overrides and isolates, control characters), and short. A hostile feed can send 100 KB titles or a
 * right-to-left override that makes "gpj.exe" read "exe.jpg"; the window renders neither.
 */

/** Embeddings, overrides and isolates: they reorder the text that follows them. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** C0 and C1 controls, and the line and paragraph separators; all become a space. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const SPACES = /\s+/g;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `count` graphemes (fewer when the text has fewer). */
function firstGraphemes(text: string, count: number): string[] {
  const parts: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (parts.length === count) break;
    parts.push(segment);
  }
  return parts;
}

/**
 * Cuts to at most `max` user-perceived characters, ending with "…" when anything was cut. V8 copies the
 * whole input into every segment it yields, so a long text is segmented through a prefix; only when the
 * prefix holds too few graphemes (a pathological run of combining marks) is the whole text walked.
 */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // The prefix may end inside a grapheme; that one comes after the first `max` and is never kept.
  const head = firstGraphemes(text.slice(0, max * 8), max + 1);
  const parts = head.length > max ? head : firstGraphemes(text, max + 1);
  if (parts.length <= max) return text;
  return `${parts
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** One clean line of at most `max` characters. */
export function displayText(text: string, max: number): string {
  const clean = text.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(SPACES, ' ').trim();
  return cut(clean, max);
}

/** A link shown to people: host and path without the scheme, shortened; the full link is what is shared. */
export function displayLink(link: string, max = 60): string {
  return displayText(link.replace(/^https?:\/\//i, ''), max);
}

/** How long each kind of text may be on screen. */
export const TEXT_LIMITS = { title: 160, pitch: 320, feed: 60, name: 60 } as const;
