/** Domain types shared by main, preload, renderer and server. Pure data, no behaviour. */

export const NETWORKS = ['linkedin', 'x', 'facebook', 'bluesky', 'threads', 'mastodon', 'xing', 'email'] as const;
export type Network = (typeof NETWORKS)[number];

/**
 * How a feed is doing, for the window: never polled yet; fine; the last poll failed (in plain words);
 * or several failures, or the server asking us to wait, put it on hold until a time.
 */
export type FeedStatus =
  | { readonly state: 'pending' }
  | { readonly state: 'ok'; readonly checkedAt: string; readonly nextCheckAt: string }
  | { readonly state: 'error'; readonly message: string; readonly checkedAt: string; readonly nextCheckAt: string }
  | { readonly state: 'backing-off'; readonly message: string; readonly checkedAt: string; readonly until: string };

export interface Feed {
  readonly id: string;
  /** The address as configured. */
  readonly url: string;
  /** Where it is fetched from now: another address once the server moved it for good (301/308). */
  readonly fetchUrl: string;
  readonly title: string;
  readonly status: FeedStatus;
}

/** Why a desktop polls its feeds itself although it has an endpoint (or none is configured). */
export type DesktopReason = 'no-endpoint' | 'policy' | 'endpoint-has-no-feeds' | 'endpoint-not-heard';

/**
 * Where the posts a desktop shows come from: the endpoint, which polls the feeds for everyone; the
 * desktop's own polls; or those polls as a fallback while the endpoint has been silent too long.
 */
export type PostSource =
  | { readonly from: 'desktop'; readonly why: DesktopReason }
  | { readonly from: 'endpoint'; readonly answeredAt: string }
  | { readonly from: 'fallback'; readonly answeredAt: string; readonly afterMinutes: number };

/** One item of a feed as the engine reads it (and as `checkFeed` and the CLI show it). */
export interface FeedItem {
  /** The item's identity inside its feed: guid/id, else link, else a hash of title and date. */
  readonly id: string;
  /** Absolute http(s) address of the post, or null when the feed gives none usable. */
  readonly link: string | null;
  readonly title: string;
  /**
   * Plain text, one or two sentences: why this post is worth sharing (the feed's own, or its summary's first sentence).
   */
  readonly pitch: string;
  readonly imageUrl: string | null;
  /** ISO 8601, or null when the feed gives no usable date. */
  readonly publishedAt: string | null;
  /** Messages per network the feed itself ships (advocate: metadata); empty when it ships none. */
  readonly messages: Readonly<Partial<Record<Network, string>>>;
  readonly hashtags: readonly string[];
  /** Not to be shown or announced before this time (ISO 8601), from the feed's metadata. */
  readonly embargoUntil: string | null;
}

/** The answer of a live check of an address (settings, `npm run feeds -- check`). */
export type FeedCheck =
  | {
      readonly ok: true;
      /** The feed's address: after autodiscovery from a web page and permanent redirects. */
      readonly url: string;
      /** The web page the feed was discovered from, or null when the address was the feed. */
      readonly discoveredFrom: string | null;
      readonly format: string;
      readonly encoding: string;
      readonly title: string;
      readonly items: readonly FeedItem[];
      /** Repairs made and metadata ignored, in plain words. */
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly url: string; readonly error: string };

/** A feed item the window can show: it has a link, and its embargo (if any) has passed. */
export interface Post extends Pick<FeedItem, 'title' | 'pitch' | 'imageUrl' | 'publishedAt' | 'messages' | 'hashtags'> {
  /** Stable id inside this desktop: derived from the feed and the item's identity. */
  readonly id: string;
  readonly feedId: string;
  /** Canonical post URL: the key the endpoint counts shares under. */
  readonly key: string;
  readonly link: string;
}

export interface ShareKit {
  readonly postKey: string;
  readonly pitch: string;
  readonly messages: Readonly<Partial<Record<Network, string>>>;
  readonly hashtags: readonly string[];
  readonly imageUrl: string | null;
}

export type ShareEventType = 'shared' | 'unshared';

/** One person's act of sharing (or taking it back), as recorded on the desktop and sent to the endpoint. */
export interface ShareEvent {
  /** Client-made UUIDv7: the endpoint's primary key, so a retry never counts twice. */
  readonly id: string;
  readonly type: ShareEventType;
  readonly postKey: string;
  readonly network: Network;
  /** ISO 8601 time of the click. */
  readonly at: string;
  /** The number of the kit's message variant the share started from (common/share/variants.ts). */
  readonly variant?: number;
}

/** A post as the window shows it: the post plus what this desktop and the endpoint know about its shares. */
export interface PostView extends Post {
  readonly feedTitle: string;
  readonly sharedOn: readonly Network[];
  /** Not opened in the window yet. */
  readonly unread: boolean;
  /** Shares counted by the endpoint, or null when no endpoint has answered yet. */
  readonly shareCount: number | null;
}
