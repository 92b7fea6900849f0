/**
 * Autodiscovery: the feeds an HTML page announces with <link rel="alternate" type="application/rss+xml">,
 * and the usual places a feed lives when it announces none.
 */
import { htmlAttribute } from './html-attribute.ts';
import { httpUrl } from './normalize.ts';

const LINK = /<link\b[^>]*>/gi;
const FEED_TYPES = /^application\/(rss|atom|rdf|feed)\+(xml|json)$|^application\/(rss|atom)$/i;

/** Feed addresses announced by the page, in page order, resolved against <base href> or the page URL. */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const baseTag = /<base\b[^>]*>/i.exec(html)?.[0];
  const base = httpUrl(baseTag ? htmlAttribute(baseTag, 'href') : null, pageUrl) ?? pageUrl;
  const found: string[] = [];
  for (const [tag] of html.matchAll(LINK)) {
    const rel = htmlAttribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const type = htmlAttribute(tag, 'type') ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const url = httpUrl(htmlAttribute(tag, 'href'), base);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

/** Where blogs keep their feed when the page does not say (WordPress, Ghost, Hugo, Jekyll, Substack…). */
export const USUAL_FEED_PATHS = ['/feed', '/feed.xml', '/rss', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json'];

/** The usual feed addresses on the page's origin, in the order they are tried. */
export const usualFeedUrls = (pageUrl: string): string[] => USUAL_FEED_PATHS.map((path) => new URL(path, pageUrl).href);
