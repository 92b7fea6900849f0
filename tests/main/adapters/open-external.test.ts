/** Links handed to the OS through the Electron fake's shell: the allowed ones open, the rest are refused in words. */
import { beforeEach, describe, expect, it } from 'vitest';
import { openExternalLink, openLinkFromPage } from '../../../main/adapters/open-external.ts';
import type { Logger } from '../../../main/core/ports.ts';
import { IpcRequestError } from '../../../main/ipc/ipc-request-error.ts';
import { allowedExternalHosts } from '../../../main/web/external-hosts.ts';
import { resetElectronFake, shell } from '../../mocks/electron.ts';

const warnings: { message: string; details: Record<string, unknown> | undefined }[] = [];
const log: Logger = {
  info: () => undefined,
  warn: (message, details) => warnings.push({ message, details }),
  error: () => undefined,
};
let organisation = ['https://blog.example.com/feed.xml'];
const hosts = () => allowedExternalHosts({ mastodonInstance: 'mastodon.social', organisationUrls: organisation });

beforeEach(() => {
  resetElectronFake();
  warnings.length = 0;
  organisation = ['https://blog.example.com/feed.xml'];
});

describe('opening links from the window', () => {
  it('opens a composer, the Mastodon server, a post of the organisation and a mail', async () => {
    const open = openExternalLink(hosts);
    for (const url of [
      'https://bsky.app/intent/compose?text=Read%20this',
      'https://mastodon.social/share?text=Read',
      'https://blog.example.com/ship-small',
      'mailto:?subject=Read&body=This',
    ]) {
      await expect(open(url)).resolves.toBeNull();
    }
    expect(shell.opened).toHaveLength(4);
  });

  it('refuses a crafted link to another site with words the window shows, and opens nothing', async () => {
    await expect(openExternalLink(hosts)('https://evil.example/phish')).rejects.toThrow(
      new IpcRequestError(
        "evil.example was not opened: the app opens only the networks' share pages, your organisation's sites and your Mastodon server",
      ),
    );
    expect(shell.opened).toEqual([]);
  });

  it('asks for the hosts at every link, so a feed added since counts at once', async () => {
    const open = openExternalLink(hosts);
    await expect(open('https://news.example.org/a')).rejects.toThrow(IpcRequestError);
    organisation = [...organisation, 'https://news.example.org/rss'];
    await expect(open('https://news.example.org/a')).resolves.toBeNull();
    expect(shell.opened).toEqual(['https://news.example.org/a']);
  });
});

describe('links a page tries to open in a new window', () => {
  it('sends the organisation’s links to the browser and drops any other site, logging why', () => {
    const openLink = openLinkFromPage(log, hosts);
    openLink('https://blog.example.com/fresh');
    openLink('https://evil.example/');
    openLink('javascript:alert(1)');
    expect(shell.opened).toEqual(['https://blog.example.com/fresh']);
    expect(warnings.map(({ details }) => details?.['reason'])).toEqual([
      "evil.example was not opened: the app opens only the networks' share pages, your organisation's sites and your Mastodon server",
      'javascript: links are never opened; only web and email links are',
    ]);
  });
});
