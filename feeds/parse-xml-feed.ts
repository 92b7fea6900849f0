/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through rss-parser's `parseString`, with custom fields for what it
 * leaves out (xml:base, media, every enclosure, Atom 0.3 dates, the advocate: namespace). The text must
 * already be repaired (repair-xml.ts). A truncated document gets one more try with its open elements
 * closed, so the items before the cut survive.
 */
import Parser from 'rss-parser';
import { FeedError } from './feed-error.ts';
import { type FeedFormat, type RawFeed, type RawItem, type RawShareMeta } from './raw-feed.ts';
import { closeTruncatedXml } from './repair-xml.ts';
import { linksFromElements, NO_LINKS, type FoundLinks } from './websub-links.ts';
import { attribute, isNode, listOf, stringOf, textOf, type XmlNode } from './xml-values.ts';

/** The namespace of Advocate's share-kit metadata in RSS and Atom (docs/feed-metadata.md). */
export const ADVOCATE_NAMESPACE = 'urn:advocate:share-kit:1';

export interface XmlRoot {
  /** The root element's name without a namespace prefix: rss, RDF or feed. */
  readonly name: string;
  readonly format: FeedFormat;
  /** A prefix to strip from every tag (Atom written as <a:feed xmlns:a=…>), else null. */
  readonly atomPrefix: string | null;
  /** The prefix bound to ADVOCATE_NAMESPACE, or "advocate". */
  readonly advocatePrefix: string;
  /** xml:base on the root element, as written. */
  readonly base: string | null;
}

type Item = XmlNode;
type Output = XmlNode & { readonly items: readonly Item[] };

/** Parsers by prefix pair; the prefixes come from feeds, so the cache is kept small. */
const parsers = new Map<string, Parser<XmlNode, XmlNode>>();
const MAX_PARSERS = 16;

function parserFor(root: XmlRoot): Parser<XmlNode, XmlNode> {
  const key = `${root.atomPrefix ?? ''}|${root.advocatePrefix}`;
  const cached = parsers.get(key);
  if (cached) return cached;
  const all = (from: string, to: string): (string | { keepArray: boolean })[] => [from, to, { keepArray: true }];
  const adv = (name: string): (string | { keepArray: boolean })[] =>
    all(`${root.advocatePrefix}:${name}`, `advocate:${name}`);
  const prefix = root.atomPrefix ? `${root.atomPrefix}:` : null;
  const parser = new Parser<XmlNode, XmlNode>({
    defaultRSS: 2,
    xml2js: prefix
      ? { tagNameProcessors: [(name: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : name)] }
      : {},
    customFields: {
      // The feed's own <link> elements: Atom's, and atom:link inside an RSS channel (atom10: from FeedBurner).
      // rss-parser's types allow only names here, but it reads [from, to, options] for the feed as for items.
      feed: [
        all('link', 'feedLinks'),
        all('atom:link', 'atomLinks'),
        all('atom10:link', 'atom10Links'),
      ] as unknown as string[],
      item: [
        all('$', 'attributes'),
        all('guid', 'guids'),
        all('link', 'links'),
        all('content', 'contentElements'),
        all('summary', 'summaryElements'),
        all('media:content', 'mediaContent'),
        all('media:thumbnail', 'mediaThumbnail'),
        all('media:group', 'mediaGroup'),
        all('enclosure', 'enclosures'),
        ['feedburner:origLink', 'origLink'],
        'issued',
        'modified',
        'created',
        'updated',
        adv('pitch'),
        adv('message'),
        adv('hashtag'),
        adv('image'),
        adv('embargo'),
      ],
    },
  });
  if (parsers.size >= MAX_PARSERS) parsers.clear();
  parsers.set(key, parser);
  return parser;
}

const isImageType = (type: string | null): boolean => type !== null && /^image\//i.test(type);
const looksLikeImage = (url: string): boolean => /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i.test(url);

function mediaImages(elements: readonly unknown[]): string[] {
  const images = elements
    .map((element) => ({
      url: attribute(element, 'url'),
      medium: attribute(element, 'medium'),
      type: attribute(element, 'type'),
      width: Number(attribute(element, 'width') ?? 0),
    }))
    .filter(
      (media): media is typeof media & { url: string } =>
        media.url !== null &&
        (media.medium === 'image' ||
          isImageType(media.type) ||
          (!media.medium && !media.type && looksLikeImage(media.url))),
    );
  // Several sizes of one picture (news feeds): the widest first.
  return images.sort((a, b) => b.width - a.width).map((media) => media.url);
}

function imagesOf(item: Item): string[] {
  const groups = listOf(item['mediaGroup']).filter(isNode);
  const media = [...listOf(item['mediaContent']), ...groups.flatMap((group) => listOf(group['media:content']))];
  const thumbnails = [
    ...listOf(item['mediaThumbnail']),
    ...groups.flatMap((group) => listOf(group['media:thumbnail'])),
  ];
  const enclosures = listOf(item['enclosures']).filter((enclosure) => isImageType(attribute(enclosure, 'type')));
  const atomEnclosures = listOf(item['links']).filter(
    (link) => attribute(link, 'rel') === 'enclosure' && isImageType(attribute(link, 'type')),
  );
  const itunes = isNode(item['itunes']) ? stringOf(item['itunes']['image']) : null;
  return [
    ...mediaImages(media),
    ...thumbnails.map((thumbnail) => attribute(thumbnail, 'url')),
    ...enclosures.map((enclosure) => attribute(enclosure, 'url')),
    ...atomEnclosures.map((link) => attribute(link, 'href')),
    itunes,
  ].filter((url): url is string => url !== null);
}

function metaOf(item: Item): RawShareMeta | null {
  const field = (name: string): readonly unknown[] => listOf(item[`advocate:${name}`]);
  const meta: RawShareMeta = {
    pitch: field('pitch').map(textOf),
    messages: field('message').map((message) => ({ network: attribute(message, 'network'), text: textOf(message) })),
    hashtags: field('hashtag').map(textOf),
    image: field('image').map((image) => attribute(image, 'href') ?? textOf(image)),
    embargo: field('embargo').map(textOf),
  };
  return Object.values(meta).some((values: readonly unknown[]) => values.length > 0) ? meta : null;
}

const isoDate = (value: unknown): string | null => {
  const text = stringOf(value);
  const time = text ? Date.parse(text) : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

const html = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function toRawItem(item: Item, atom: boolean): RawItem {
  const firstGuid = listOf(item['guids'])[0];
  const contentElement = listOf(item['contentElements'])[0];
  const summaryElement = listOf(item['summaryElements'])[0];
  const itunesSummary = isNode(item['itunes']) ? html(item['itunes']['summary']) : null;
  return {
    guid: stringOf(item['guid']) ?? stringOf(item['id']) ?? stringOf(item['rdf:about']),
    guidIsPermaLink: !atom && attribute(firstGuid, 'isPermaLink')?.toLowerCase() !== 'false',
    link: stringOf(item['origLink']) ?? stringOf(item['link']),
    title: textOf(item['title']).trim(),
    summaryHtml: atom ? html(item['summary']) : (html(item['content']) ?? html(item['summary']) ?? itunesSummary),
    contentHtml: atom ? html(item['content']) : html(item['content:encoded']),
    publishedAt:
      isoDate(item['isoDate']) ?? isoDate(item['issued']) ?? isoDate(item['created']) ?? isoDate(item['modified']),
    updatedAt: isoDate(item['updated']) ?? isoDate(item['modified']),
    base: isNode(item['attributes']) ? stringOf(item['attributes']['xml:base']) : null,
    contentBase: attribute(contentElement, 'xml:base') ?? attribute(summaryElement, 'xml:base'),
    images: imagesOf(item),
    meta: metaOf(item),
  };
}

/** rel="hub" and rel="self" among the feed's own link elements (an RSS <link> has no attributes: skipped). */
const feedLinks = (output: Output): FoundLinks =>
  linksFromElements(
    [...listOf(output['feedLinks']), ...listOf(output['atomLinks']), ...listOf(output['atom10Links'])].map(
      (element) => ({ rel: attribute(element, 'rel'), href: attribute(element, 'href') }),
    ),
  );

async function parseOnce(text: string, root: XmlRoot): Promise<Output> {
  return parserFor(root).parseString(text);
}

/** The parser's message ("Unexpected close tag\nLine: 4\nColumn: 7") as one plain line. */
function describeXmlError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [what = 'unreadable', ...where] = message.split('\n');
  const line = where.find((part) => part.startsWith('Line:'));
  return `${what.toLowerCase()}${line ? ` (line ${String(Number(line.slice(5)) + 1)})` : ''}`;
}

export async function parseXmlFeed(text: string, root: XmlRoot): Promise<RawFeed> {
  const warnings: string[] = [];
  const atom = root.name === 'feed';
  if (!atom && !/<([\w.-]+:)?channel[\s>/]/.test(text)) {
    // <rss version="0.92"></rss> is a valid, empty feed; rss-parser would stumble on the missing channel.
    return {
      format: root.format,
      title: '',
      link: null,
      base: null,
      ttlMinutes: null,
      items: [],
      links: NO_LINKS,
      warnings: ['the feed has no channel: it is empty'],
    };
  }
  let output: Output;
  try {
    output = await parseOnce(text, root);
  } catch (error) {
    const first = describeXmlError(error);
    try {
      output = await parseOnce(closeTruncatedXml(text), root);
      warnings.push(`the feed is damaged (${first}); only what comes before the damage was read`);
    } catch {
      throw new FeedError('parse', `the feed is not well-formed XML: ${first}`, { cause: error });
    }
  }
  const ttl = Number(stringOf(output['ttl']));
  return {
    format: root.format,
    title: textOf(output['title']).trim(),
    link: stringOf(output['link']),
    base: root.base,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    items: output.items.map((item) => toRawItem(item, atom)),
    links: feedLinks(output),
    warnings,
  };
}
