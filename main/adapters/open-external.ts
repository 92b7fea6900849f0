/** The one way to hand an address to the operating system: checked by main/web/external-url.ts first. */
import { shell } from 'electron';
import type { Logger } from '../core/ports.ts';
import type { ExternalHosts } from '../web/external-hosts.ts';
import { checkExternalUrl, requireExternalUrl } from '../web/external-url.ts';

/** The contract's openExternal: opens allowed links in the browser or mail app, refuses the rest with a message. */
export function openExternalLink(hosts: () => ExternalHosts): (url: string) => Promise<null> {
  return async (url) => {
    await shell.openExternal(requireExternalUrl(url, hosts()));
    return null;
  };
}

/** What a page tried to open as a new window: allowed links go to the browser, the rest are dropped. */
export function openLinkFromPage(log: Logger, hosts: () => ExternalHosts): (url: string) => void {
  return (url) => {
    const checked = checkExternalUrl(url, hosts());
    if (checked.ok) void shell.openExternal(checked.value);
    else log.warn('refused to open a link', { reason: checked.reason });
  };
}
