/**
 * Which addresses a channel may post to, checked when it is saved. Slack's incoming webhooks live on
 * hooks.slack.com; Teams' Workflows webhooks on Azure Logic Apps (prod-NN.<region>.logic.azure.com) or
 * on Power Platform (<environment>.environment.api.powerplatform.com). A generic webhook may be any
 * https address. Plain http, or a receiver on this machine, only with --allow-local-channels (tests).
 */
import type { ChannelKind } from '../database.ts';

export const CHANNEL_KINDS: readonly ChannelKind[] = ['slack', 'teams', 'webhook'];

export const KIND_NAMES: Record<ChannelKind, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  webhook: 'Webhook',
};

const SLACK_HOST = 'hooks.slack.com';
const TEAMS_DOMAINS = ['logic.azure.com', 'powerplatform.com'];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_URL = 2048;

export type AddressCheck = { readonly url: string } | { readonly problem: string };

const under = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** The address as stored (`new URL(...).href`), or why this kind of channel may not post there. */
export function checkChannelAddress(kind: ChannelKind, text: string, allowLocal = false): AddressCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: 'the address is not a web address; paste the whole webhook URL, starting with https://' };
  }
  if (url.href.length > MAX_URL) return { problem: `the address is longer than ${String(MAX_URL)} characters` };
  if (url.username !== '' || url.password !== '')
    return { problem: 'the address carries a user name or password; webhook URLs carry their key in the path' };
  const local = allowLocal && LOCAL_HOSTS.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:');
  if (local) return { url: url.href };
  if (url.protocol !== 'https:')
    return { problem: 'the address must start with https:// so that posts travel encrypted' };
  const host = url.hostname.toLowerCase();
  if (kind === 'slack' && host !== SLACK_HOST)
    return {
      problem: `a Slack incoming-webhook address starts with https://${SLACK_HOST}/services/; make one in Slack under Apps → Incoming WebHooks`,
    };
  if (kind === 'teams' && !TEAMS_DOMAINS.some((domain) => under(host, domain)))
    return {
      problem:
        'a Teams Workflows webhook address is on logic.azure.com or powerplatform.com; make one in Teams under Workflows → “Post to a channel when a webhook request is received” (Office 365 connector addresses no longer work)',
    };
  return { url: url.href };
}
