/** Which hosts main may open: the networks' composers, the person's Mastodon server and the organisation's sites. */
import { describe, expect, it } from 'vitest';
import type { Network } from '../../../common/domain.ts';
import { shareIntent, SHARE_INTENT_HOSTS } from '../../../common/share/intents.ts';
import { DEFAULT_SETTINGS } from '../../../main/settings/defaults.ts';
import { allowedExternalHosts, currentExternalHosts } from '../../../main/web/external-hosts.ts';
import { checkExternalUrl } from '../../../main/web/external-url.ts';

const draft = { text: 'Worth a read', link: 'https://blog.example.com/post?utm_source=x', subject: 'Read' };

describe('hosts main may open', () => {
  it('opens every composer URL the share intents build, and nothing of a network besides its composer host', () => {
    const hosts = allowedExternalHosts({ mastodonInstance: 'mastodon.social', organisationUrls: [] });
    for (const network of [
      'linkedin',
      'x',
      'facebook',
      'bluesky',
      'threads',
      'mastodon',
      'xing',
      'email',
    ] as Network[]) {
      const intent = shareIntent(network, draft, { mastodonInstance: 'mastodon.social' });
      if (intent.kind !== 'open') throw new Error(`${network} gave no URL`);
      expect(checkExternalUrl(intent.url, hosts), network).toMatchObject({ ok: true });
    }
    expect([...hosts].sort()).toEqual([...Object.values(SHARE_INTENT_HOSTS), 'mastodon.social'].sort());
  });

  it('takes the Mastodon server as the person typed it, and none while it is not set or not a server name', () => {
    expect(
      allowedExternalHosts({ mastodonInstance: '@me@Fosstodon.org', organisationUrls: [] }).has('fosstodon.org'),
    ).toBe(true);
    for (const typed of ['', 'not a server', 'javascript:alert(1)']) {
      expect(allowedExternalHosts({ mastodonInstance: typed, organisationUrls: [] }).size, typed).toBe(
        Object.keys(SHARE_INTENT_HOSTS).length,
      );
    }
  });

  it('adds the organisation’s web addresses by host, and ignores what is not a web address', () => {
    const hosts = allowedExternalHosts({
      mastodonInstance: '',
      organisationUrls: [
        'https://blog.example.com/feed.xml',
        'http://127.0.0.1:8080/r/abc',
        null,
        'not a url',
        'file:///etc/passwd',
      ],
    });
    expect(hosts.has('blog.example.com')).toBe(true);
    expect(hosts.has('127.0.0.1')).toBe(true);
    expect(hosts.has('')).toBe(false);
    expect(hosts.size).toBe(Object.keys(SHARE_INTENT_HOSTS).length + 2);
  });

  it('reads settings and the core at every link, so a change applies to the next one', () => {
    let settings = { ...DEFAULT_SETTINGS, endpointUrl: 'https://advocate.example.com/' };
    let known = ['https://news.example.org/2026/launch'];
    const hosts = currentExternalHosts(
      () => settings,
      () => known,
    );
    expect(hosts().has('advocate.example.com')).toBe(true);
    expect(hosts().has('news.example.org')).toBe(true);
    expect(hosts().has('mastodon.social')).toBe(false);
    settings = {
      ...settings,
      mastodonInstance: 'mastodon.social',
      trainingUrl: 'https://learn.example.com/social',
      feedUrls: ['https://feeds.example.net/rss'],
    };
    known = [];
    expect(['mastodon.social', 'learn.example.com', 'feeds.example.net'].every((host) => hosts().has(host))).toBe(true);
    expect(hosts().has('news.example.org')).toBe(false);
  });
});
