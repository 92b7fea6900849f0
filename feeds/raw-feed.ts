import type { FoundLinks } from './websub-links.ts';

/**
 * What the parse step hands to normalize: one shape for every format, still raw (HTML in the text
 * fields, relative URLs, unchecked metadata). RSS, Atom and JSON Feed each fill it in their own module.
 */

export type FeedFormat =
  'RSS 0.9x' | 'RSS 1.0' | 'RSS 2.0' | 'Atom 0.3' | 'Atom 1.0' | 'JSON Feed 1.0' | 'JSON Feed 1.1';

/** Share-kit metadata as found in the feed (the advocate: namespace or the _advocate extension), unchecked. */
export interface RawShareMeta {
  readonly pitch: readonly unknown[];
  readonly messages: readonly { readonly network: unknown; readonly text: unknown }[];
  readonly hashtags: readonly unknown[];
  readonly image: readonly unknown[];
  readonly embargo: readonly unknown[];
}

export interface RawItem {
  readonly guid: string | null;
  /** RSS guid isPermaLink (default true): a URL guid may then stand in for a missing link. */
  readonly guidIsPermaLink: boolean;
  readonly link: string | null;
  readonly title: string;
  readonly summaryHtml: string | null;
  readonly contentHtml: string | null;
  readonly publishedAt: string | null;
  readonly updatedAt: string | null;
  /** xml:base of the item, as written (relative to the feed's base). */
  readonly base: string | null;
  /** xml:base of the summary or content element, as written (relative to the item's base). */
  readonly contentBase: string | null;
  /** Image URLs from media:content/thumbnail, enclosures, JSON Feed image; best first. */
  readonly images: readonly string[];
  readonly meta: RawShareMeta | null;
}

export interface RawFeed {
  readonly format: FeedFormat;
  readonly title: string;
  readonly link: string | null;
  readonly base: string | null;
  /** RSS <ttl> in minutes. */
  readonly ttlMinutes: number | null;
  readonly items: readonly RawItem[];
  /** Its WebSub links (rel="hub", rel="self"), unresolved. */
  readonly links: FoundLinks;
  /** Repairs and ignored metadata, in plain words: shown by the CLI, never fatal. */
  readonly warnings: readonly string[];
}
