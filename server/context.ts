/** What the routes share: the database and the long-lived helpers built once per server. */
import type { FastifyRequest } from 'fastify';
import type { Db } from './database.ts';
import type { ClickRecorder } from './links/click-recorder.ts';
import type { LinkResolver } from './links/tracked-links.ts';
import type { VisitorHasher } from './links/visitor-hash.ts';
import type { OrganisationHosts } from './posts/organisation-hosts.ts';
import type { EventWriter } from './shares/event-writer.ts';
import type { FeedPoller } from './feeds/feed-poller.ts';
import type { ChannelSender } from './channels/channel-sender.ts';

/** Requests per minute. */
export interface RateLimits {
  /** Every request, per client IP address. */
  readonly perIp: number;
  /** Authenticated /v1 calls, per device token. */
  readonly perDevice: number;
  /** POST /v1/enroll, per IP: codes are secrets, so guessing must stay slow. */
  readonly enrollPerIp: number;
  /** Dashboard sign-in attempts, per IP. */
  readonly loginPerIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perIp: 3000, perDevice: 600, enrollPerIp: 30, loginPerIp: 10 };

export interface ServerContext {
  readonly db: Db;
  readonly events: EventWriter;
  readonly links: LinkResolver;
  readonly clicks: ClickRecorder;
  readonly visitors: VisitorHasher;
  /** The only hosts links, shares and redirects may name. */
  readonly hosts: OrganisationHosts;
  readonly rateLimits: RateLimits;
  readonly now: () => Date;
  /** Count shares and make links for URLs none of the feeds has (once there are feeds; off by default). */
  readonly allowOutsidePosts: boolean;
  /** This process's feed poller (it reads feeds only while it holds the lease), or null when it runs none. */
  readonly feedPoller: FeedPoller | null;
  /** This process's channel sender (it sends only while it holds the lease), or null when it runs none. */
  readonly channelSender: ChannelSender | null;
  /** Channels may post to http:// and to this machine (--allow-local-channels: tests and development only). */
  readonly allowLocalChannels: boolean;
  /** WebSub: whether this endpoint subscribes at hubs (it has a public address), and the lease it asks for. */
  readonly webSub: { readonly subscribing: boolean; readonly askedLeaseSeconds: number };
  /** Where people reach this endpoint, for the links it hands out (ends with "/"). */
  publicUrl(request: FastifyRequest): string;
}
