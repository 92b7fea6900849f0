/** Domain types shared by main, preload, renderer and server. Pure data, no behaviour. */

export const NETWORKS = ['linkedin', 'x', 'facebook', 'bluesky', 'threads', 'mastodon', 'xing', 'email'] as const;
export type Network = (typeof NETWORKS)[number];

export type FeedStatus =
  | { readonly state: 'pending' }
  | { readonly state: 'ok'; readonly checkedAt: string }
  | { readonly state: 'error'; readonly message: string; readonly checkedAt: string };

export interface Feed {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly status: FeedStatus;
}

export interface Post {
  /** Stable id inside this desktop: derived from the feed and the item's identity. */
  readonly id: string;
  readonly feedId: string;
  /** Canonical post URL: the key the endpoint counts shares under. */
  readonly key: string;
  readonly title: string;
  readonly link: string;
  /** Plain text, one or two sentences: why this post is worth sharing. */
  readonly pitch: string;
  readonly imageUrl: string | null;
  /** ISO 8601, or null when the feed gives no usable date. */
  readonly publishedAt: string | null;
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
}

/** A post as the window shows it: the post plus what this desktop and the endpoint know about its shares. */
export interface PostView extends Post {
  readonly feedTitle: string;
  readonly sharedOn: readonly Network[];
  /** Shares counted by the endpoint, or null when no endpoint has answered yet. */
  readonly shareCount: number | null;
}
