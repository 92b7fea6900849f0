/**
 * The report IT gets: every section present, secrets masked, ignored policy values explained, feed and sync statuses in
 * words.
 */
import { describe, expect, it } from 'vitest';
import type { Feed } from '../../../common/domain.ts';
import { enrollmentProblemText, syncProblemText } from '../../../common/messages.ts';
import { diagnosticsReport, type DiagnosticsInput } from '../../../main/diagnostics/diagnostics-report.ts';

const CHECKED = '2026-11-25T09:30:00.000Z';
const feed = (overrides: Partial<Feed>): Feed => ({
  id: 'blog',
  url: 'https://blog.example.com/feed.xml?token=abc',
  fetchUrl: 'https://blog.example.com/feed.xml?token=abc',
  title: 'Example Blog',
  status: { state: 'ok', checkedAt: CHECKED, nextCheckAt: '2026-11-25T10:00:00.000Z' },
  ...overrides,
});

const input: DiagnosticsInput = {
  generatedAt: new Date('2026-11-25T10:00:00.000Z'),
  app: { name: 'Advocate', version: '1.2.3', packaged: true, appId: 'com.advocate.desktop' },
  versions: { electron: '45.5.0', chrome: undefined, node: '22.20.0' },
  system: { platform: 'win32', release: '10.0.26100', arch: 'x64', locale: 'de-DE' },
  settings: {
    rows: [
      { key: 'endpointUrl', value: '"https://advocate.example.com/"', source: 'policy' },
      { key: 'enrollmentCode', value: 'set (hidden)', source: 'policy' },
    ],
    problems: [
      {
        origin: 'HKLM\\SOFTWARE\\Policies\\Advocate',
        key: 'PollIntervalMinutes',
        reason: 'must be a whole number from 5 to 1440, so it was ignored',
      },
    ],
  },
  notifications: { supported: false, pausedUntil: null, shownToday: 2, unread: 4 },
  deviceTokenStored: true,
  postSource: { from: 'endpoint', answeredAt: '2026-11-25T09:58:00.000Z' },
  feeds: [
    feed({}),
    feed({
      id: 'eng',
      url: 'https://engineering.example.com/rss',
      fetchUrl: 'https://eng.example.com/rss',
      title: 'Engineering',
      status: {
        state: 'error',
        message: 'the server answered 404 Not Found',
        checkedAt: CHECKED,
        nextCheckAt: '2026-11-25T10:30:00.000Z',
      },
    }),
    feed({
      id: 'news',
      url: 'https://news.example.com/atom',
      fetchUrl: 'https://news.example.com/atom',
      title: '',
      status: {
        state: 'backing-off',
        message: 'the server asked us to wait',
        checkedAt: CHECKED,
        until: '2026-11-26T08:00:00.000Z',
      },
    }),
    feed({
      id: 'new',
      url: 'https://new.example.com/feed',
      fetchUrl: 'https://new.example.com/feed',
      title: 'New',
      status: { state: 'pending' },
    }),
  ],
  sync: { state: 'ok', pending: 3, rejected: 1, lastSyncAt: '2026-11-25T09:55:00.000Z' },
  postsByFeed: [{ title: 'Example Blog', posts: 12, newest: '2026-11-24T09:00:00.000Z' }],
  logTail: ['2026-11-25T09:59:00.000Z WARN feed poll failed {"url":"https://blog.example.com/feed.xml"}'],
};

describe('diagnostics report', () => {
  it('lists versions, settings with their source, ignored values, notification state, feeds and the log', () => {
    const report = diagnosticsReport(input);
    expect(report).toContain('Advocate 1.2.3 (installed), app id com.advocate.desktop');
    expect(report).toContain('electron 45.5.0\nnode 22.20.0\nwin32 10.0.26100 x64, locale de-DE');
    expect(report).toContain('endpointUrl = "https://advocate.example.com/"  [policy]');
    expect(report).toContain(
      'HKLM\\SOFTWARE\\Policies\\Advocate: PollIntervalMinutes must be a whole number from 5 to 1440, so it was ignored',
    );
    expect(report).toContain('supported by this system: no (the tray count tells instead)');
    expect(report).toContain('shown today: 2; unread posts: 4');
    expect(report).toContain(
      '== Feeds ==\nExample Blog: ok, checked 2026-11-25T09:30:00.000Z, next check 2026-11-25T10:00:00.000Z\n  https://blog.example.com/feed.xml?token=[redacted]\n',
    );
    expect(report).toContain('Example Blog: 12 posts, newest 2026-11-24T09:00:00.000Z');
    expect(report).toContain('== Log (most recent last) ==\n2026-11-25T09:59:00.000Z WARN feed poll failed');
  });

  it("gives each feed's status in words with exact times: an error, backing off, not checked yet, a moved feed", () => {
    const report = diagnosticsReport(input);
    expect(report).toContain(
      'Engineering: error: the server answered 404 Not Found; checked 2026-11-25T09:30:00.000Z, next try 2026-11-25T10:30:00.000Z\n  https://engineering.example.com/rss\n  moved to https://eng.example.com/rss\n',
    );
    expect(report).toContain(
      '(untitled): backing off: the server asked us to wait; checked 2026-11-25T09:30:00.000Z, on hold until 2026-11-26T08:00:00.000Z\n  https://news.example.com/atom\n',
    );
    expect(report).toContain('New: not checked yet\n  https://new.example.com/feed\n');
  });

  it('gives the sync with the endpoint: its state, queued and refused shares, the last sync', () => {
    expect(diagnosticsReport(input)).toContain(
      '== Sync ==\nendpoint: connected\nqueued shares: 3; refused shares: 1\nlast sync: 2026-11-25T09:55:00.000Z\n',
    );
    expect(diagnosticsReport({ ...input, sync: { state: 'ok', pending: 0, lastSyncAt: null } })).toContain(
      'queued shares: 0; refused shares: 0\nlast sync: never\n',
    );
    expect(diagnosticsReport({ ...input, sync: { state: 'no-endpoint' } })).toContain(
      '== Sync ==\nendpoint: none configured; shares are counted on this desktop only\n',
    );
    expect(
      diagnosticsReport({
        ...input,
        sync: { state: 'needs-enrollment', problem: 'device-removed', pending: 2 },
      }),
    ).toContain(
      `== Sync ==\nendpoint: not enrolled (${enrollmentProblemText('device-removed', 2)}); waiting for an enrollment code\nqueued shares: 2\n`,
    );
    expect(
      diagnosticsReport({
        ...input,
        sync: { state: 'waiting', pending: 5, problem: 'offline', retryAt: null },
      }),
    ).toContain(
      `== Sync ==\nendpoint: waiting (${syncProblemText('offline', 5)}); next try when the network is back\nqueued shares: 5; refused shares: 0\n`,
    );
  });

  it('says where the posts come from, and why, in words', () => {
    expect(diagnosticsReport(input)).toContain(
      '== Where posts come from ==\nposts come from the endpoint, which polls the feeds; this desktop does not poll them itself\nlast answer from the endpoint: 2026-11-25T09:58:00.000Z\n',
    );
    expect(
      diagnosticsReport({
        ...input,
        postSource: { from: 'fallback', answeredAt: '2026-11-25T09:00:00.000Z', afterMinutes: 30 },
      }),
    ).toContain(
      "posts come from this desktop's own polls of its feeds, because the endpoint has not answered for more than 30 minutes; the posts it gave are kept, and it is asked again every 2 minutes\nlast answer from the endpoint: 2026-11-25T09:00:00.000Z\n",
    );
    const why = (postSource: DiagnosticsInput['postSource']) =>
      diagnosticsReport({ ...input, postSource })
        .split('\n')
        .find((line) => line.startsWith('posts come from'));
    expect(why({ from: 'desktop', why: 'no-endpoint' })).toBe(
      "posts come from this desktop's own polls of its feeds: no endpoint is configured",
    );
    expect(why({ from: 'desktop', why: 'policy' })).toBe(
      "posts come from this desktop's own polls of its feeds: policy PollFeedsOnDesktop says so",
    );
    expect(why({ from: 'desktop', why: 'endpoint-has-no-feeds' })).toBe(
      "posts come from this desktop's own polls of its feeds: the endpoint has no feeds of its own",
    );
    expect(why({ from: 'desktop', why: 'endpoint-not-heard' })).toBe(
      "posts come from this desktop's own polls of its feeds: the endpoint has not answered with its posts yet; they are taken from it once it does",
    );
  });

  it('keeps secrets out of feed lines too', () => {
    // Tried: a feed error that carries a bearer token. Must hold: masked (sync lines carry only the catalogue's words).
    const report = diagnosticsReport({
      ...input,
      feeds: [
        feed({
          status: {
            state: 'error',
            message: 'refused Bearer eyJhbGciOi.secret',
            checkedAt: CHECKED,
            nextCheckAt: CHECKED,
          },
        }),
      ],
    });
    expect(report).toContain('error: refused Bearer [redacted]');
    for (const secret of ['eyJhbGciOi', 'token=abc']) expect(report).not.toContain(secret);
  });

  it('says "(none)" for an empty section rather than leaving IT to wonder', () => {
    const report = diagnosticsReport({ ...input, feeds: [], settings: { rows: [], problems: [] } });
    expect(report).toContain('== Ignored settings ==\n(none)');
    expect(report).toContain('== Feeds ==\n(none)');
  });
});
