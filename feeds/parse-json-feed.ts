/** JSON Feed 1.0 and 1.1 (jsonfeed.org), read from the parsed JSON; rss-parser does not know the format. */
import { FeedError } from './feed-error.ts';
import type { RawFeed, RawItem, RawShareMeta } from './raw-feed.ts';
import type { FoundLinks } from './websub-links.ts';
import { isNode, type XmlNode } from './xml-values.ts';

const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const isoDate = (value: unknown): string | null => {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

/** True for an object that says it is a JSON Feed: worth an error of its own if it is a broken one. */
export function isJsonFeed(value: unknown): value is XmlNode {
  if (!isNode(value)) return false;
  const version = value['version'];
  return (
    typeof version === 'string' &&
    (/jsonfeed\.org\/version\/1/i.test(version) || /^1(\.\d+)?$/.test(version)) &&
    Array.isArray(value['items'])
  );
}

function metaOf(extension: unknown): RawShareMeta | null {
  if (!isNode(extension)) return null;
  const list = (value: unknown): readonly unknown[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];
  const messages = isNode(extension['messages'])
    ? Object.entries(extension['messages']).map(([network, text]) => ({ network, text }))
    : [];
  return {
    pitch: list(extension['pitch']),
    messages,
    hashtags: list(extension['hashtags']),
    image: list(extension['image']),
    embargo: list(extension['embargo']),
  };
}

function toRawItem(item: XmlNode): RawItem {
  const text = str(item['content_text']);
  const attachments = Array.isArray(item['attachments']) ? item['attachments'].filter(isNode) : [];
  const imageAttachments = attachments
    .filter((attachment) => /^image\//i.test(str(attachment['mime_type']) ?? ''))
    .map((attachment) => str(attachment['url']));
  return {
    guid: str(item['id']),
    guidIsPermaLink: false,
    link: str(item['url']) ?? str(item['external_url']),
    title: str(item['title']) ?? '',
    summaryHtml: str(item['summary']) === null ? null : escapeHtml(str(item['summary']) ?? ''),
    contentHtml: str(item['content_html']) ?? (text === null ? null : escapeHtml(text)),
    publishedAt: isoDate(item['date_published']),
    updatedAt: isoDate(item['date_modified']),
    base: null,
    contentBase: null,
    images: [str(item['image']), str(item['banner_image']), ...imageAttachments].filter(
      (url): url is string => url !== null,
    ),
    meta: metaOf(item['_advocate']),
  };
}

/** JSON Feed's `hubs` ({ type: "WebSub", url }) and `feed_url`, the feed's own address. */
function jsonFeedLinks(feed: XmlNode): FoundLinks {
  const hubs = Array.isArray(feed['hubs']) ? (feed['hubs'] as unknown[]).filter(isNode) : [];
  return {
    hubs: hubs
      .filter((hub) => str(hub['type'])?.toLowerCase() === 'websub')
      .map((hub) => str(hub['url']))
      .filter((url): url is string => url !== null),
    self: str(feed['feed_url']),
  };
}

export function parseJsonFeed(feed: XmlNode): RawFeed {
  const version = String(feed['version']);
  const items = (feed['items'] as unknown[]).filter(isNode);
  if (items.length !== (feed['items'] as unknown[]).length) {
    throw new FeedError('parse', 'the JSON Feed is broken: an entry of "items" is not an object');
  }
  return {
    format: /1\.1$/.test(version) ? 'JSON Feed 1.1' : 'JSON Feed 1.0',
    title: str(feed['title']) ?? '',
    link: str(feed['home_page_url']),
    base: null,
    ttlMinutes: null,
    items: items.map(toRawItem),
    links: jsonFeedLinks(feed),
    warnings: [],
  };
}
