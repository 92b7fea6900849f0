/**
 * The normalize step: a raw feed becomes what the app and the CLI use. Links and images are resolved
 * (item xml:base, the feed's xml:base, the feed's link, then the feed URL) and only http(s) survive;
 * text becomes plain; each item gets its identity (guid/id, else link, else title+date) and duplicates
 * inside the fetch collapse; the feed's own share-kit metadata is checked.
 */
import { createHash } from 'node:crypto';
import type { FeedItem } from '../common/domain.ts';
import { feedPitch, feedPlainText, firstImageSource } from './feed-text.ts';
import { EMPTY_SHARE_META, readShareMeta } from './feed-metadata.ts';
import type { FeedFormat, RawFeed, RawItem } from './raw-feed.ts';
import type { FoundLinks } from './websub-links.ts';

export interface NormalizedFeed {
  readonly format: FeedFormat;
  readonly title: string;
  readonly siteUrl: string | null;
  readonly ttlMinutes: number | null;
  readonly items: readonly FeedItem[];
  /** The document's WebSub links (hub, self), unresolved: `webSubLinks` weighs them against the headers'. */
  readonly links: FoundLinks;
  readonly warnings: readonly string[];
}

export const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Resolves `link` against `base`; only http(s) results survive (javascript:, file:, data: are dropped). */
export function httpUrl(link: string | null | undefined, base: string | null): string | null {
  if (!link?.trim()) return null;
  try {
    const url = base === null ? new URL(link.trim()) : new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A base URL may be anything a URL can resolve against, including a fragment-only one. */
const resolveBase = (base: string | null, parent: string): string => {
  if (!base) return parent;
  try {
    return new URL(base, parent).href;
  } catch {
    return parent;
  }
};

function normalizeItem(
  item: RawItem,
  bases: { readonly feed: string; readonly links: string },
  warn: (problem: string) => void,
): FeedItem {
  const base = item.base ? resolveBase(item.base, bases.feed) : bases.links;
  const contentBase = resolveBase(item.contentBase, base);
  const permaLink = item.guidIsPermaLink ? httpUrl(item.guid, null) : null;
  const link = httpUrl(item.link, base) ?? permaLink;
  const title = feedPlainText(item.title);
  const html = item.summaryHtml ?? item.contentHtml ?? '';
  const { meta, problems } = item.meta
    ? readShareMeta(item.meta, (url) => httpUrl(url, base))
    : { meta: EMPTY_SHARE_META, problems: [] };
  for (const problem of problems) warn(`${title || link || 'an item'}: ${problem}`);
  // The feed's own image fields first; the HTML is searched only when they give nothing usable.
  const imageUrl =
    meta.imageUrl ??
    item.images.map((url) => httpUrl(url, base)).find((url) => url !== null) ??
    httpUrl(firstImageSource(item.summaryHtml ?? ''), contentBase) ??
    httpUrl(firstImageSource(item.contentHtml ?? ''), contentBase);
  return {
    id: item.guid ?? link ?? `hash:${shortHash(`${item.title}\u0000${item.publishedAt ?? ''}`)}`,
    link,
    title,
    pitch: meta.pitch ?? feedPitch(html),
    imageUrl,
    publishedAt: item.publishedAt,
    messages: meta.messages,
    hashtags: meta.hashtags,
    embargoUntil: meta.embargoUntil,
  };
}

/** `url` is where the document came from (after redirects). */
export function normalizeFeed(raw: RawFeed, url: string): NormalizedFeed {
  const warnings = [...raw.warnings];
  const feedBase = resolveBase(raw.base, url);
  const siteUrl = httpUrl(raw.link, feedBase);
  const bases = { feed: feedBase, links: raw.base ? feedBase : (siteUrl ?? url) };
  const ids = new Set<string>();
  const links = new Set<string>();
  const items: FeedItem[] = [];
  for (const rawItem of raw.items) {
    const item = normalizeItem(rawItem, bases, (problem) => warnings.push(problem));
    // The same post twice in one fetch (a repeated guid, or one link under two guids) is one post.
    if (ids.has(item.id) || (item.link !== null && links.has(item.link))) continue;
    ids.add(item.id);
    if (item.link !== null) links.add(item.link);
    items.push(item);
  }
  const title = feedPlainText(raw.title) || (siteUrl ? new URL(siteUrl).host : new URL(url).host || 'Untitled feed');
  return { format: raw.format, title, siteUrl, ttlMinutes: raw.ttlMinutes, items, links: raw.links, warnings };
}
