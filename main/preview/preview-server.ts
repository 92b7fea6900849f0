/**
 * The browser preview: the real core in Node, the real renderer in any browser, and the IPC contract
 * carried over this localhost server. Calls are accepted only from the preview's own origin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PREVIEW_WIRE } from '../../common/ipc/preview-wire.ts';
import type { EnrollRequest } from '../../common/protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.ts';
import { createAppCore, type AppCore } from '../core/app-core.ts';
import { systemClock, type Clock, type HttpFetch, type Logger } from '../core/ports.ts';
import { createIpcDispatcher, type IpcDispatch } from '../ipc/dispatcher.ts';
import { followMastodonLimits, mastodonLimitsHandlers } from '../mastodon/limits-handlers.ts';
import { createMastodonLimits } from '../mastodon/mastodon-limits.ts';
import { forwardEvents } from '../ipc/forward-events.ts';
import { createNotificationCenter } from '../notifications/notification-center.ts';
import { openShownTally, SHOWN_TALLY_FILE } from '../notifications/shown-tally.ts';
import { followPause, pauseHandlers } from '../notifications/pause-handlers.ts';
import { EMPTY_LAYER, feedsToPoll, mergeLayers, policyLayer, type Layer } from '../settings/layers.ts';
import { followSettings, profileHandler, settingsHandlers } from '../settings/settings-handlers.ts';
import { createSettingsService, memoryStore } from '../settings/settings-service.ts';
import { enrollmentFromSettings } from '../sync/enrollment-source.ts';
import { plainFileTokenStore } from '../sync/token-stand-ins.ts';
import { currentExternalHosts } from '../web/external-hosts.ts';
import { requireExternalUrl } from '../web/external-url.ts';
import { sampleFeedXml } from './sample-feed.ts';
import { SseHub } from './sse-hub.ts';
import { logSyncAsShown } from './sync-log.ts';
import { readStaticFile } from '../web/static-files.ts';

export interface PreviewOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** The built preview bridge (out/preview/bridge.js). */
  readonly bridgeFile: string;
  readonly dataDir: string;
  /** Empty: serve and poll the built-in sample feed. */
  readonly feedUrls: readonly string[];
  readonly endpointUrl: string | null;
  /** The enrollment code, name and team the preview starts with (its settings window can change them). */
  readonly endpointCredentials?: { readonly enrollment: EnrollRequest } | null;
  readonly log: Logger;
  /**
   * More of the organisation's policy, by policy name (main/settings/policy-keys.ts), such as
   * `TrainingUrl` or `DisclosureText`. The feeds and the endpoint given above are policy too.
   */
  readonly policy?: Readonly<Record<string, unknown>>;
  /** An IT policy file as the app reads one (main/settings/json-policy.ts); the options above win over it. */
  readonly policyFile?: Layer;
  readonly fetch?: HttpFetch;
  readonly pollIntervalMs?: number;
  /** The core's clock (tests move it to make the figures a minute old); the system's by default. */
  readonly clock?: Clock;
}

export interface Preview {
  readonly url: string;
  readonly core: AppCore;
  /** Every link the window asked to open, checked as the app checks it: what the app would hand to the browser. */
  readonly openedLinks: readonly string[];
  close(): Promise<void>;
}

const SAMPLE_FEED_PATH = '/sample/feed.xml';
/** How much of an opened link its toast shows: a mailto: link can carry a whole message. */
const OPENED_LINK_SHOWN = 160;
const MAX_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown): void => {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
};

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Same host and, when the browser says where the call comes from, the same origin: nothing else may call. */
function isFromPreviewPage(request: IncomingMessage, allowedHosts: ReadonlySet<string>): boolean {
  const host = request.headers.host;
  if (!host || !allowedHosts.has(host)) return false;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return false;
  return request.method !== 'POST' || (request.headers['content-type'] ?? '').startsWith('application/json');
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const hub = new SseHub();
  const state: { dispatch: IpcDispatch | null; core: AppCore | null } = { dispatch: null, core: null };
  const allowedHosts = new Set<string>();

  async function handle(request: IncomingMessage, response: ServerResponse, origin: string): Promise<void> {
    const path = new URL(request.url ?? '/', origin).pathname;
    if (!isFromPreviewPage(request, allowedHosts)) {
      sendJson(response, 403, { ok: false, error: 'refused: not the preview page' });
      return;
    }
    if (request.method === 'POST' && path.startsWith(PREVIEW_WIRE.invokePrefix)) {
      if (!state.dispatch) {
        sendJson(response, 503, { ok: false, error: 'starting up' });
        return;
      }
      const args = await readJsonBody(request).catch(() => undefined);
      sendJson(response, 200, await state.dispatch(path.slice(PREVIEW_WIRE.invokePrefix.length), args));
      return;
    }
    if (request.method === 'POST' && path === PREVIEW_WIRE.noticeClick) {
      const body = await readJsonBody(request).catch(() => undefined);
      const postId = (body as { postId?: unknown } | undefined)?.postId;
      if (typeof postId !== 'string') {
        sendJson(response, 400, { ok: false, error: 'postId must be a string' });
        return;
      }
      state.core?.openPost(postId);
      sendJson(response, 200, { ok: true, value: null });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { ok: false, error: 'method not allowed' });
      return;
    }
    if (path === PREVIEW_WIRE.events) {
      hub.attach(response);
      return;
    }
    if (path === SAMPLE_FEED_PATH && options.feedUrls.length === 0) {
      send(response, 200, 'application/rss+xml; charset=utf-8', sampleFeedXml('https://example.com/', new Date()));
      return;
    }
    if (path === PREVIEW_WIRE.bridgeScript) {
      send(response, 200, 'text/javascript; charset=utf-8', await readFile(options.bridgeFile));
      return;
    }
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    const body = file.contentType.startsWith('text/html')
      ? // Load the bridge before the app's module script, as the preload runs before the page in the app.
        file.body.toString('utf8').replace('<script', `<script src="${PREVIEW_WIRE.bridgeScript}"></script><script`)
      : file.body;
    send(response, 200, file.contentType, body);
  }

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host}:${String(port)}/`;
  for (const name of [options.host, '127.0.0.1', 'localhost']) allowedHosts.add(`${name}:${String(port)}`);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response, url).catch((error: unknown) => {
      options.log.error('preview request failed', { reason: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: 'internal error' });
      else response.end();
    });
  });

  // The preview's feeds and endpoint are the organisation's policy, so the window shows them as set by
  // it (greyed, as in a managed install); the person's settings live in memory, with no machine file.
  const file = options.policyFile ?? EMPTY_LAYER;
  const baseFeeds =
    options.feedUrls.length > 0
      ? options.feedUrls
      : file.values.feedUrls === undefined
        ? [new URL(SAMPLE_FEED_PATH, url).href]
        : [];
  // Refused values are logged by the settings service, in the words the app logs them with.
  const organisation = mergeLayers(
    file,
    policyLayer(
      {
        ...(baseFeeds.length > 0 ? { FeedUrls: [...baseFeeds] } : {}),
        ...(options.endpointUrl === null ? {} : { EndpointUrl: options.endpointUrl }),
        ...options.policy,
      },
      'preview options',
    ),
  );
  const enrollment = options.endpointCredentials?.enrollment;
  const settings = createSettingsService({
    store: memoryStore(
      enrollment
        ? { enrollmentCode: enrollment.code, displayName: enrollment.displayName, team: enrollment.team ?? '' }
        : {},
    ),
    storeOrigin: 'preview settings',
    machine: EMPTY_LAYER,
    policy: organisation,
    log: options.log,
  });
  const core = await createAppCore({
    fetch: options.fetch ?? fetch,
    log: options.log,
    dataDir: options.dataDir,
    feedUrls: feedsToPoll(settings.values()),
    endpointUrl: options.endpointUrl,
    enrollment: enrollmentFromSettings(settings, () => 'Preview'),
    // A development tool: the token in plain text in the preview's own data folder (the app uses safeStorage).
    deviceTokens: plainFileTokenStore(join(options.dataDir, 'device-token.txt')),
    // As the app does: the interval its settings (a policy file among them) hold when it starts.
    pollIntervalMs: options.pollIntervalMs ?? settings.values().pollIntervalMinutes * 60_000,
    endpointFallbackMs: settings.values().endpointFallbackMinutes * 60_000,
    pollFeedsOnDesktop: settings.values().pollFeedsOnDesktop,
    policyBlockList: () => settings.values().blockList,
    archiveDays: () => settings.values().archiveDays,
    archiveToEndpoint: () => settings.values().archiveToEndpoint,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  // The app's rules (quiet hours and cap from settings, pause); the pause is kept in memory, for this run,
  // today's count in the data folder as the app keeps it.
  const notifications = createNotificationCenter({
    core,
    notifier: {
      show: (notice) => {
        hub.deliver(PREVIEW_WIRE.noticeEvent, notice);
      },
    },
    rules: () => settings.values(),
    tally: await openShownTally(join(options.dataDir, SHOWN_TALLY_FILE), options.log),
    log: options.log,
  });
  forwardEvents(core.events, (event, payload) => {
    hub.broadcast(event, payload);
  });
  logSyncAsShown(core, options.log, options.clock ?? systemClock);
  state.core = core;
  const openedLinks: string[] = [];
  const externalHosts = currentExternalHosts(
    () => settings.values(),
    () => core.organisationUrls(),
  );
  followSettings(settings, core.events, core, { feeds: feedsToPoll, endpoint: (values) => values.endpointUrl });
  followPause(notifications, core.events);
  // As the app does: the person's Mastodon server is asked for its limits (defaults while it has not answered).
  const mastodon = createMastodonLimits({
    fetch: options.fetch ?? fetch,
    clock: options.clock ?? systemClock,
    log: options.log,
    instance: settings.values().mastodonInstance,
  });
  followMastodonLimits(mastodon, settings, core.events);
  state.dispatch = createIpcDispatcher(
    {
      ...core.handlers,
      ...settingsHandlers(settings),
      ...profileHandler(settings, core),
      ...pauseHandlers(notifications),
      ...mastodonLimitsHandlers(mastodon),
      openExternal: (link) => {
        // The preview never navigates: it checks the link as the app would, records it, and says so in a toast.
        const url = requireExternalUrl(link, externalHosts());
        openedLinks.push(url);
        options.log.info('the app would open this link', { url });
        const shown = url.length > OPENED_LINK_SHOWN ? `${url.slice(0, OPENED_LINK_SHOWN - 1)}…` : url;
        hub.deliver(PREVIEW_WIRE.noticeEvent, {
          title: 'The app would open this in your browser',
          body: shown,
          postId: null,
        });
        return Promise.resolve(null);
      },
    },
    options.log,
  );
  await core.start();

  return {
    url,
    core,
    openedLinks,
    async close() {
      hub.closeAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      notifications.stop();
      mastodon.stop();
      await core.stop();
    },
  };
}
