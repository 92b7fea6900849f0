/**
 * The only addresses main hands to the operating system (shell.openExternal): parsed with `new URL()`,
 * allowed by scheme, and web links only to the hosts of external-hosts.ts. javascript:, file:, data:,
 * custom app schemes, other sites and anything unparsable stay shut.
 */
import { IpcRequestError } from '../ipc/ipc-request-error.ts';
import type { Checked } from '../settings/setting-rules.ts';
import type { ExternalHosts } from './external-hosts.ts';

export const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'http:', 'mailto:'];
/** A mailto: link carries a whole prepared message; anything longer is not one of ours. */
export const MAX_EXTERNAL_URL_LENGTH = 16 * 1024;

export function checkExternalUrl(raw: unknown, hosts: ExternalHosts): Checked<string> {
  if (typeof raw !== 'string') return { ok: false, reason: 'the link is not text' };
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'the link is too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'the link is not a valid address' };
  }
  if (!EXTERNAL_SCHEMES.includes(url.protocol))
    return { ok: false, reason: `${url.protocol} links are never opened; only web and email links are` };
  if (url.protocol === 'mailto:') return { ok: true, value: url.href };
  if (url.hostname === '') return { ok: false, reason: 'the link has no host' };
  if (!hosts.has(url.hostname))
    return {
      ok: false,
      reason: `${url.hostname} was not opened: the app opens only the networks' share pages, your organisation's sites and your Mastodon server`,
    };
  return { ok: true, value: url.href };
}

/** For IPC handlers: the checked address, or a refusal the window can show. */
export function requireExternalUrl(raw: unknown, hosts: ExternalHosts): string {
  const checked = checkExternalUrl(raw, hosts);
  if (!checked.ok) throw new IpcRequestError(checked.reason);
  return checked.value;
}
