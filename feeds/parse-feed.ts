/**
 * The parse step: decides from the text itself (never from the file name or Content-Type alone) whether
 * it is JSON Feed, RSS/RDF, Atom, an HTML page or something else, and hands it to the right parser.
 */
import { FeedError } from './feed-error.ts';
import { isJsonFeed, parseJsonFeed } from './parse-json-feed.ts';
import { ADVOCATE_NAMESPACE, parseXmlFeed, type XmlRoot } from './parse-xml-feed.ts';
import type { FeedFormat, RawFeed } from './raw-feed.ts';
import { repairXml } from './repair-xml.ts';

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
const ATOM_03_NAMESPACE = 'http://purl.org/atom/ns#';
const RSS_090_NAMESPACE = 'http://my.netscape.com/rdf/simple/0.9/';
const ROOT = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(\s[^>]*)?\/?>/;

const HTML_PAGE = 'the server sent an HTML page, maybe a login page, not a feed';

function firstElement(xml: string): { prefix: string | null; name: string; attributes: string } | null {
  // Skip what may come before the root: the XML declaration, processing instructions, comments.
  const prolog = /^(\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(xml)?.[0].length ?? 0;
  const match = ROOT.exec(xml.slice(prolog, prolog + 4096));
  if (!match?.[2]) return null;
  return { prefix: match[1]?.slice(0, -1) ?? null, name: match[2], attributes: match[3] ?? '' };
}

const attributeIn = (attributes: string, name: string): string | null =>
  new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1] ?? null;

const prefixBoundTo = (attributes: string, namespace: string): string | null =>
  [...attributes.matchAll(/\sxmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)].find(
    (binding) => binding[2] === namespace,
  )?.[1] ?? null;

export function isHtmlPage(text: string): boolean {
  const root = firstElement(repairXml(text.slice(0, 64 * 1024)));
  return root !== null && /^(html|head|body)$/i.test(root.name);
}

function xmlRoot(xml: string): XmlRoot {
  const element = firstElement(xml);
  if (!element) throw new FeedError('not-a-feed', 'the answer is neither XML nor JSON: this is not a feed');
  const { prefix, name, attributes } = element;
  const common = {
    advocatePrefix: prefixBoundTo(attributes, ADVOCATE_NAMESPACE) ?? 'advocate',
    base: attributeIn(attributes, 'xml:base'),
  };
  const namespace = attributeIn(attributes, prefix ? `xmlns:${prefix}` : 'xmlns');
  if (/^(html|head|body)$/i.test(name)) throw new FeedError('not-a-feed', HTML_PAGE);
  if (name === 'rss' && !prefix) {
    const version = attributeIn(attributes, 'version');
    const format: FeedFormat = version?.startsWith('0.9') ? 'RSS 0.9x' : 'RSS 2.0';
    return { name, format, atomPrefix: null, ...common };
  }
  if (name === 'RDF') {
    const format: FeedFormat = attributeIn(attributes, 'xmlns') === RSS_090_NAMESPACE ? 'RSS 0.9x' : 'RSS 1.0';
    return { name, format, atomPrefix: null, ...common };
  }
  if (name === 'feed' && (!prefix || namespace === ATOM_NAMESPACE || namespace === ATOM_03_NAMESPACE)) {
    const format: FeedFormat =
      namespace === ATOM_03_NAMESPACE || attributeIn(attributes, 'version') === '0.3' ? 'Atom 0.3' : 'Atom 1.0';
    return { name, format, atomPrefix: prefix, ...common };
  }
  throw new FeedError(
    'not-a-feed',
    `the answer is XML but not a feed: its root element is <${prefix ? `${prefix}:` : ''}${name}>, not <rss>, <feed> or <rdf:RDF>`,
  );
}

function parseJson(text: string, contentType: string | null): RawFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const declared = contentType !== null && /json/i.test(contentType);
    throw new FeedError(
      declared ? 'parse' : 'not-a-feed',
      declared ? 'the JSON Feed is not valid JSON' : 'the answer is not a feed',
      { cause: error },
    );
  }
  if (!isJsonFeed(value))
    throw new FeedError('not-a-feed', 'the answer is JSON but not a JSON Feed (no "version" and "items")');
  return parseJsonFeed(value);
}

export async function parseFeedText(text: string, contentType: string | null): Promise<RawFeed> {
  const start = text.search(/\S/);
  if (start < 0) throw new FeedError('not-a-feed', 'the answer is empty: this is not a feed');
  if (text[start] === '{') return parseJson(text, contentType);
  const xml = repairXml(text);
  return parseXmlFeed(xml, xmlRoot(xml));
}
