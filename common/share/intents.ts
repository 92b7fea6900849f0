/**
 * Share intents: the composer URL of each network, filled with the message (DESIGN.md, "Share kit").
 * No API keys and no stored logins: the person finishes the post in the network's own page.
 */
import type { Network } from '../domain.ts';

export interface ShareDraft {
  /** The message as the person left it; it may already contain the link. */
  readonly text: string;
  /** The link to share: a tracked /r/ link or the post URL with UTM tags. */
  readonly link: string;
  /** Email only: the subject line (usually the post title). */
  readonly subject?: string;
}

export type ShareIntent =
  | {
      readonly kind: 'open';
      readonly url: string;
      /** The network cannot take text: copy `postedText` first and tell the person to paste it. */
      readonly copyFirst: boolean;
      /** What ends up in the post, and what Copy puts on the clipboard. */
      readonly postedText: string;
    }
  | { readonly kind: 'needs-instance'; readonly reason: string };

/** The message with the link in it: as the person wrote it if they kept the link, else the link appended. */
export function withLink(text: string, link: string): string {
  if (text.includes(link)) return text;
  const trimmed = text.trimEnd();
  return trimmed.length > 0 ? `${trimmed} ${link}` : link;
}

/**
 * A Mastodon instance as a host name, from what a person types: `mastodon.social`,
 * `https://mastodon.social/` or an address like `@me@mastodon.social`. Null when it is not one.
 */
export function normalizeMastodonInstance(input: string): string | null {
  const trimmed = input.trim().replace(/^@?[a-z0-9_]+@/i, '');
  if (trimmed.length === 0 || /\s/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  const pathless = (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '';
  if (!pathless || url.username !== '' || url.password !== '' || !url.hostname.includes('.')) return null;
  return url.host;
}

/**
 * The hosts of the networks' own composers, the one place the intent URLs below take them from; main opens
 * links to these (main/web/external-hosts.ts), so a network added here can be opened there at once.
 * Mastodon's host is the person's instance and email is a mailto: link, so neither has one here.
 */
export const SHARE_INTENT_HOSTS = {
  linkedin: 'www.linkedin.com',
  x: 'x.com',
  facebook: 'www.facebook.com',
  bluesky: 'bsky.app',
  threads: 'www.threads.com',
  xing: 'www.xing.com',
} as const satisfies Readonly<Partial<Record<Network, string>>>;

const hosts = SHARE_INTENT_HOSTS;

const query = (params: Readonly<Record<string, string>>): string =>
  Object.entries(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');

/**
 * RFC 6068: a mailto body's line breaks are CRLF (`%0D%0A`); a lone LF or CR is not a line break there and
 * some mail programs join the lines. A subject is one header line, so a break in it becomes a space.
 */
const crlfLines = (text: string): string => text.replace(/\r\n|\r|\n/g, '\r\n');
const oneLine = (text: string): string => text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');

/** X and Threads append `url` to `text`; a link already in the text must not be added twice. */
const textAndUrl = (text: string, link: string): Record<string, string> =>
  text.includes(link) ? { text } : { text, url: link };

export function shareIntent(
  network: Network,
  draft: ShareDraft,
  options: { readonly mastodonInstance?: string | null } = {},
): ShareIntent {
  const postedText = withLink(draft.text, draft.link);
  const open = (url: string, copyFirst = false): ShareIntent => ({ kind: 'open', url, copyFirst, postedText });
  switch (network) {
    case 'linkedin':
      return open(`https://${hosts.linkedin}/sharing/share-offsite/?${query({ url: draft.link })}`, true);
    case 'x':
      return open(`https://${hosts.x}/intent/tweet?${query(textAndUrl(draft.text, draft.link))}`);
    case 'facebook':
      return open(`https://${hosts.facebook}/sharer/sharer.php?${query({ u: draft.link })}`, true);
    case 'bluesky':
      return open(`https://${hosts.bluesky}/intent/compose?${query({ text: postedText })}`);
    case 'threads':
      return open(`https://${hosts.threads}/intent/post?${query(textAndUrl(draft.text, draft.link))}`);
    case 'mastodon': {
      const instance = normalizeMastodonInstance(options.mastodonInstance ?? '');
      if (instance === null) {
        return {
          kind: 'needs-instance',
          reason: options.mastodonInstance
            ? `"${options.mastodonInstance}" is not a Mastodon server name like mastodon.social`
            : 'Mastodon needs your server name, like mastodon.social',
        };
      }
      return open(`https://${instance}/share?${query({ text: postedText })}`);
    }
    case 'xing':
      return open(`https://${hosts.xing}/spi/shares/new?${query({ url: draft.link })}`, true);
    case 'email':
      return open(`mailto:?${query({ subject: oneLine(draft.subject ?? ''), body: crlfLines(postedText) })}`);
  }
}
