/**
 * Builds the endpoint. Validation is strict on purpose: no coercion and no silent stripping, so an
 * unknown or mistyped field is a 400 that names it rather than data quietly lost.
 */
import { STATUS_CODES } from 'node:http';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { DEFAULT_RATE_LIMITS, type RateLimits, type ServerContext } from './context.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { databaseAnswers, type Db } from './database.ts';
import { isDatabaseUnavailable } from './dialect.ts';
import { answerClientError } from './http/client-errors.ts';
import { closeConnectionsWhenClosing } from './http/close-connections.ts';
import { cutSlowBodies, DEFAULT_TIMEOUTS, timeoutOptions, type Timeouts } from './http/timeouts.ts';
import { fastifyTrustProxy, type TrustProxy } from './http/trust-proxy.ts';
import { ClickRecorder } from './links/click-recorder.ts';
import { LinkResolver } from './links/tracked-links.ts';
import { VisitorHasher } from './links/visitor-hash.ts';
import { feedHosts } from './feeds/feed-hosts.ts';
import { OrganisationHosts } from './posts/organisation-hosts.ts';
import { enrollRoutes } from './routes/enroll.ts';
import { archiveRoutes } from './routes/archive.ts';
import { eventsRoutes } from './routes/events.ts';
import { kitsRoutes } from './routes/kits.ts';
import { linksRoutes } from './routes/links.ts';
import { meRoutes } from './routes/me.ts';
import { pingRoutes } from './routes/ping.ts';
import { postsRoutes } from './routes/posts.ts';
import { sharePageRoutes } from './routes/share-page.ts';
import { conversionsRoutes } from './routes/conversions.ts';
import { redirectRoutes } from './routes/redirect.ts';
import { summaryRoutes } from './routes/summary.ts';
import { refuseOtherCharsets } from './security/charset.ts';
import { securityHeaders } from './security/headers.ts';
import { EventWriter } from './shares/event-writer.ts';
import { SubmitterMergedError } from './shares/record-events.ts';
import { FEED_POLL_JOB, startFeedPoller, type FeedPoller, type FeedPollerOptions } from './feeds/feed-poller.ts';
import { webSubRoutes } from './routes/websub.ts';
import { DEFAULT_ASKED_LEASE_SECONDS, startWebSubJob, WEBSUB_JOB, type WebSubJobOptions } from './websub/websub-job.ts';
import {
  CHANNEL_SEND_JOB,
  startChannelSender,
  type ChannelSender,
  type ChannelSenderOptions,
} from './channels/channel-sender.ts';

export const BODY_LIMIT_BYTES = 64 * 1024;
const DATABASE_RETRY_AFTER_SECONDS = 5;

export interface ServerOptions {
  readonly db: Db;
  /** Structured JSON logs (pino); a stream to capture them, true for stdout. */
  readonly logger?: boolean | { readonly stream: NodeJS.WritableStream };
  /** The address people reach the endpoint at, for the links it hands out; default: from each request. */
  readonly publicUrl?: string;
  readonly rateLimits?: Partial<RateLimits>;
  /**
   * The organisation's sites (`blog.example.com`, `*.example.com`): links and shares are taken only for
   * posts on them. None: every link and share is refused with a reason that tells IT what to set.
   */
  readonly postHosts?: readonly string[];
  /**
   * Behind reverse proxies: how many there are, or their addresses; the client's address and protocol
   * then come from what they add to X-Forwarded-*. Default: off (the connection's own address).
   */
  readonly trustProxy?: TrustProxy;
  /** How long a request may take to arrive, and a connection may sit idle (DEFAULT_TIMEOUTS). */
  readonly timeouts?: Partial<Timeouts>;
  readonly now?: () => Date;
  /** Polls the organisation's feeds (under a lease: one replica at a time); absent, no feed is read here. */
  readonly feedPolls?: FeedPollerOptions;
  /** Sends new posts to the channels (under a lease: one replica at a time); absent, none is sent from here. */
  readonly channelSends?: ChannelSenderOptions;
  /** Let channels post to http:// and to this machine (tests and development; off by default). */
  readonly allowLocalChannels?: boolean;
  /** Count shares of URLs that are none of the feeds' posts (off: once there are feeds, those are rejected). */
  readonly allowOutsidePosts?: boolean;
  /**
   * Subscribes at the WebSub hubs the feeds advertise (under a lease: one replica asks), when `publicUrl`
   * is set: the hubs call back there. Every replica answers the hubs' callbacks either way.
   */
  readonly webSub?: WebSubJobOptions;
}

/** The subscriptions job, telling this server's log what it does unless the caller listens itself. */
function startLoggedWebSubJob(app: FastifyInstance, db: Db, publicUrl: string, options: WebSubJobOptions) {
  const { holder } = options;
  return startWebSubJob(db, publicUrl, {
    onChange: (lease) => {
      app.log.info({ job: WEBSUB_JOB, holder, held: lease !== null, generation: lease?.generation }, 'job lease');
    },
    onError: (error) => {
      app.log.warn({ err: error }, 'websub subscriptions');
    },
    onAsked: (hub, mode, refusal) => {
      app.log.info({ hub, mode, refusal }, 'websub hub asked');
    },
    ...options,
  });
}

function describe(error: FastifySchemaValidationError, dataVar: string): string {
  const where = `${dataVar}${error.instancePath.replace(/\//g, '.')}`;
  const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
  return typeof extra === 'string'
    ? `${where} has an unknown field "${extra}"`
    : `${where} ${error.message ?? 'is invalid'}`;
}

/** Logs say what happened and to whom (device ids), never a token, cookie, IP address or query string. */
function loggerOptions(logger: ServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    ...(logger === true ? {} : { stream: logger.stream }),
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
}

/** The sender, telling this server's log what it does unless the caller listens itself. */
function startLoggedChannelSender(app: FastifyInstance, db: Db, options: ChannelSenderOptions): ChannelSender {
  const { holder } = options;
  return startChannelSender(db, {
    onChange: (lease) => {
      app.log.info({ job: CHANNEL_SEND_JOB, holder, held: lease !== null, generation: lease?.generation }, 'job lease');
    },
    onError: (error) => {
      app.log.warn({ err: error }, 'channel sends');
    },
    onAnswer: (channel, delivery, answer) => {
      app.log.info(
        { channel, post: delivery.item_key, attempt: delivery.attempts, outcome: answer.outcome, answer: answer.words },
        'channel send',
      );
    },
    ...options,
  });
}

/** The poller, telling this server's log what it does unless the caller listens itself; new posts wake the sender. */
function startLoggedFeedPoller(
  app: FastifyInstance,
  db: Db,
  options: FeedPollerOptions,
  sender: ChannelSender | null,
): FeedPoller {
  const { holder } = options;
  return startFeedPoller(db, {
    onChange: (lease) => {
      app.log.info({ job: FEED_POLL_JOB, holder, held: lease !== null, generation: lease?.generation }, 'job lease');
    },
    onError: (error) => {
      app.log.warn({ err: error }, 'feed polls');
    },
    onPolled: (feed, error, changedPosts) => {
      app.log.info({ feed, error, changedPosts }, 'feed read');
      if (changedPosts > 0) sender?.wake();
    },
    ...options,
  });
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: loggerOptions(options.logger),
    // One line per request, written when it is answered (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    ...timeoutOptions(timeouts),
    clientErrorHandler: answerClientError,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
    schemaErrorFormatter: (errors, dataVar) => new Error(errors.map((error) => describe(error, dataVar)).join('; ')),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const now = options.now ?? (() => new Date());
  const channelSender = options.channelSends ? startLoggedChannelSender(app, options.db, options.channelSends) : null;
  const context: ServerContext = {
    db: options.db,
    events: new EventWriter(options.db, now, options.allowOutsidePosts ?? false),
    links: new LinkResolver(options.db),
    clicks: new ClickRecorder(options.db, (error) => {
      app.log.error({ err: error }, 'clicks could not be saved');
    }),
    visitors: new VisitorHasher(options.db),
    hosts: new OrganisationHosts(options.postHosts ?? [], [feedHosts(options.db)]),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    now,
    publicUrl: (request) => options.publicUrl ?? `${request.protocol}://${request.host}/`,
    allowOutsidePosts: options.allowOutsidePosts ?? false,
    feedPoller: options.feedPolls ? startLoggedFeedPoller(app, options.db, options.feedPolls, channelSender) : null,
    channelSender,
    allowLocalChannels: options.allowLocalChannels ?? false,
    webSub: {
      subscribing: options.publicUrl !== undefined && options.webSub !== undefined,
      askedLeaseSeconds: options.webSub?.askedLeaseSeconds ?? DEFAULT_ASKED_LEASE_SECONDS,
    },
  };
  const webSubJob =
    options.publicUrl !== undefined && options.webSub
      ? startLoggedWebSubJob(app, options.db, options.publicUrl, options.webSub)
      : null;
  app.addHook('onClose', () => webSubJob?.stop());
  app.addHook('onClose', () => context.clicks.close());
  app.addHook('onClose', () => context.feedPoller?.stop());
  app.addHook('onClose', () => context.channelSender?.stop());
  closeConnectionsWhenClosing(app);
  cutSlowBodies(app, timeouts);

  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'answered',
    );
    done();
  });
  app.addHook('onRequest', securityHeaders);
  app.addHook('onRequest', refuseOtherCharsets);
  await app.register(cookie);
  await app.register(rateLimit, { global: true, max: context.rateLimits.perIp, timeWindow: 60_000 });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // The client closed its connection before its request was read: nothing to answer, nothing wrong here.
    if (error.code === 'ECONNRESET' && request.raw.socket.destroyed) {
      request.log.info({ method: request.method, path: request.url.split('?')[0] }, 'client went away');
      return reply.code(400).send();
    }
    if (error instanceof SubmitterMergedError)
      return reply
        .code(503)
        .header('retry-after', '1')
        .send({ statusCode: 503, error: 'Service Unavailable', message: error.message });
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      // Desktops keep their outbox and retry on 503; an event id already stored comes back "duplicate".
      return reply
        .code(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send({
          statusCode: 503,
          error: 'Service Unavailable',
          message: `the endpoint cannot reach its database right now; nothing is lost, try again in ${String(DATABASE_RETRY_AFTER_SECONDS)} seconds`,
        });
    }
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'the endpoint failed to answer; the error is in its log',
      });
    }
    return reply
      .code(status)
      .send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: error.message });
  });
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `there is nothing at ${request.method} ${request.url.split('?')[0] ?? ''}`,
    }),
  );

  app.decorateRequest('caller', null);
  // For load balancers and readiness probes: a replica whose database does not answer takes no traffic.
  app.get('/healthz', async (_request, reply) =>
    (await databaseAnswers(options.db))
      ? { ok: true }
      : reply
          .code(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          .send({ ok: false, message: 'the endpoint cannot reach its database' }),
  );
  for (const routes of [
    enrollRoutes,
    meRoutes,
    eventsRoutes,
    summaryRoutes,
    linksRoutes,
    kitsRoutes,
    postsRoutes,
    pingRoutes,
    webSubRoutes,
    archiveRoutes,
    conversionsRoutes,
    redirectRoutes,
    sharePageRoutes,
    dashboardRoutes,
  ]) {
    await app.register(routes(context));
  }
  return app;
}
