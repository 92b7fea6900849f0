/** The report IT gets: every section present, secrets masked, ignored policy values explained. */
import { describe, expect, it } from 'vitest';
import { diagnosticsReport, type DiagnosticsInput } from '../../../main/diagnostics/diagnostics-report.ts';

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
    problems: [{ origin: 'HKLM\\SOFTWARE\\Policies\\Advocate', key: 'PollIntervalMinutes', reason: 'must be a whole number from 5 to 1440, so it was ignored' }],
  },
  notifications: { supported: false, pausedUntil: null, shownToday: 2, unread: 4 },
  deviceTokenStored: true,
  feedUrls: ['https://blog.example.com/feed.xml?token=abc'],
  postsByFeed: [{ title: 'Example Blog', posts: 12, newest: '2026-11-24T09:00:00.000Z' }],
  logTail: ['2026-11-25T09:59:00.000Z WARN feed poll failed {"url":"https://blog.example.com/feed.xml"}'],
};

describe('diagnostics report', () => {
  it('lists versions, settings with their source, ignored values, notification state, feeds and the log', () => {
    const report = diagnosticsReport(input);
    expect(report).toContain('Advocate 1.2.3 (installed), app id com.advocate.desktop');
    expect(report).toContain('electron 45.5.0\nnode 22.20.0\nwin32 10.0.26100 x64, locale de-DE');
    expect(report).toContain('endpointUrl = "https://advocate.example.com/"  [policy]');
    expect(report).toContain('HKLM\\SOFTWARE\\Policies\\Advocate: PollIntervalMinutes must be a whole number from 5 to 1440, so it was ignored');
    expect(report).toContain('supported by this system: no (the tray count tells instead)');
    expect(report).toContain('shown today: 2; unread posts: 4');
    expect(report).toContain('== Feeds polled ==\nhttps://blog.example.com/feed.xml?token=[redacted]\n');
    expect(report).toContain('Example Blog: 12 posts, newest 2026-11-24T09:00:00.000Z');
    expect(report).toContain('== Log (most recent last) ==\n2026-11-25T09:59:00.000Z WARN feed poll failed');
  });

  it('says "(none)" for an empty section rather than leaving IT to wonder', () => {
    expect(diagnosticsReport({ ...input, feedUrls: [], settings: { rows: [], problems: [] } })).toContain('== Ignored settings ==\n(none)');
  });
});
