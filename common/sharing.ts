/**
 * What the window shows about sharing: a post's share kit, the person's results, and how syncing with
 * the endpoint is going. Main builds these (from the feed, the endpoint and the local journal).
 */
import type { Network } from './domain.ts';
import type { EnrollmentProblem, SyncProblem } from './messages.ts';
import type { Summary, WeekCount } from './protocol.ts';
import type { BlockTerm } from './share/block-list.ts';
import type { MessageVariant } from './share/variants.ts';

export type ShareKitSource = 'endpoint' | 'feed' | 'derived';

/** Everything the post view needs to share one post on every network, before the person edits it. */
export interface ShareKitView {
  readonly postId: string;
  readonly postKey: string;
  readonly title: string;
  /** One or two plain sentences: why this post is worth sharing. */
  readonly pitch: string;
  /** The ready-made message per network, without the link (the window adds it with `withLink`). */
  readonly messages: Readonly<Record<Network, string>>;
  readonly hashtags: readonly string[];
  /** The link to share per network: a tracked /r/ link when an endpoint is set, else the post URL with UTM tags. */
  readonly links: Readonly<Record<Network, string>>;
  readonly imageUrl: string | null;
  /** Where the pitch and messages came from: marketing's kit on the endpoint, the feed itself, or derived. */
  readonly source: ShareKitSource;
  /** The organisation's block list (IT policy and the endpoint's, combined): the composer marks these terms. */
  readonly blockList: readonly BlockTerm[];
  /** Per network whose message marketing wrote on the endpoint: its wordings, and the one offered first. */
  readonly variants: Readonly<Partial<Record<Network, OfferedVariants>>>;
}

/** A network's wordings in number order; `messages` holds the offered one. */
export interface OfferedVariants {
  readonly wordings: readonly MessageVariant[];
  /** The position in `wordings` this person is offered first (common/share/variants.ts). */
  readonly offered: number;
}

/** The person's own figures, from this desktop's journal: always there, even with no endpoint. */
export interface LocalResults {
  readonly sharesThisWeek: number;
  readonly sharesThisMonth: number;
  /** Consecutive weeks with a share, up to this week (or last week, when this one has none yet). */
  readonly streakWeeks: number;
  /** The last nine weeks, oldest first (Mondays, YYYY-MM-DD). */
  readonly weekly: readonly WeekCount[];
}

/** Figures checked with the endpoint this recently are up to date; older ones are fetched again when seen. */
export const RESULTS_FRESH_MS = 60_000;

/**
 * How syncing with the endpoint is going. Problems travel as kinds; their words are in common/messages.ts.
 * `lastSyncAt` is when the shares were last sent and the figures checked, both successfully. `rejected` (absent when 0) counts shares the endpoint refused
 * for good (a clock far off, say): they stay in this desktop's figures and its log, and are not sent again.
 */
export type SyncStatus =
  | { readonly state: 'no-endpoint' }
  /** An endpoint is set but this desktop has no device token: it needs an enrollment code (again, after a 401). */
  | { readonly state: 'needs-enrollment'; readonly problem: EnrollmentProblem; readonly pending: number }
  | { readonly state: 'ok'; readonly pending: number; readonly lastSyncAt: string | null; readonly rejected?: number }
  /**
   * The endpoint could not be reached or refused: shares wait on this desktop, nothing is lost.
   * `retryAt` is null while the computer is offline (the next try comes when the network is back).
   */
  | {
      readonly state: 'waiting';
      readonly pending: number;
      readonly problem: SyncProblem;
      readonly retryAt: string | null;
      readonly rejected?: number;
    };

export interface ResultsView {
  readonly local: LocalResults;
  /** The endpoint's view (clicks, team, leaderboard), or null when there is no endpoint or it has not answered yet. */
  readonly summary: Summary | null;
  readonly sync: SyncStatus;
}
