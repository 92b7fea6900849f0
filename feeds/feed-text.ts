/**
 * Plain text from feed fields. Feed HTML is never rendered: titles and pitches end as inert text with no
 * tag or entity left over, even from feeds that escape their HTML twice or went through a wrong decoder.
 */
import { derivePitch, htmlToPlainText } from '../common/pitch.ts';
import { fixC1Controls } from './decode.ts';
import { htmlAttribute } from './html-attribute.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 read as Latin-1 somewhere upstream ("â€¦" for "…", often sent as &#226;&#128;&#166;): a lead
 * character followed by continuation characters that together are valid UTF-8 are put back together.
 */
export function fixMojibake(text: string): string {
  return text.replace(/[\u00c2-\u00f4][\u0080-\u00bf]{1,3}/g, (run) => {
    try {
      return strictUtf8.decode(Uint8Array.from(run, (char) => char.charCodeAt(0)));
    } catch {
      return run;
    }
  });
}

/** HTML (or text) to one clean line of plain text. */
export function feedPlainText(html: string): string {
  let text = htmlToPlainText(html);
  // Escaped twice at the source ("&amp;eacute;", "&lt;p&gt;"): one more pass removes the residue.
  if (/<[a-z/!]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text)) text = htmlToPlainText(text);
  return fixC1Controls(fixMojibake(text));
}

export function feedPitch(html: string): string {
  return derivePitch(feedPlainText(html));
}

const IMG = /<img\b[^>]*>/gi;
/** Counting pixels and share buttons that feed services add to every item: never the post's picture. */
const isTracker = (tag: string, src: string): boolean =>
  /^[01]$/.test(htmlAttribute(tag, 'width') ?? '') ||
  /^[01]$/.test(htmlAttribute(tag, 'height') ?? '') ||
  /feedburner\.com\/~(ff|r)\//i.test(src);

/** The first real <img> of an HTML fragment, as written (still relative). */
export function firstImageSource(html: string): string | null {
  for (const [tag] of html.matchAll(IMG)) {
    const src = htmlAttribute(tag, 'src');
    if (src && !isTracker(tag, src)) return src;
  }
  return null;
}
