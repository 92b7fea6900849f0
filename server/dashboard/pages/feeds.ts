/**
 * The organisation's feeds: add one (checked live, found behind a blog's home page), see how each is
 * doing, remove one, and make the ping URL a CMS calls on publish. Only the ping secret's hash is
 * kept, so its URL is shown once, right after it is made.
 */
import type { FeedHealth } from '../../feeds/feed-catalogue.ts';
import type { Subscription } from '../../websub/subscriptions.ts';
import { html } from '../html.ts';
import { csrfField, page } from '../layout.ts';

export interface FreshPingUrl {
  readonly feed: string;
  readonly url: string;
}

export interface FeedsPageOptions {
  readonly csrfToken: string;
  readonly notice: string | null;
  /** Why the last add was refused, in words. */
  readonly error: string | null;
  /** What was typed, kept when an add is refused. */
  readonly typed: string;
  readonly pingUrl: FreshPingUrl | null;
}

/** What the page knows of WebSub: each feed's subscription, and whether the endpoint subscribes at all. */
export interface WebSubView {
  readonly subscriptions: ReadonlyMap<number, Subscription>;
  /** False without a public address: hubs would have nowhere to call. */
  readonly subscribing: boolean;
}

const minute = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function health(feed: FeedHealth) {
  return html`<td>${feed.checkedAt === null ? 'not yet' : minute(feed.checkedAt)}</td>
    <td>${minute(feed.nextCheckAt)}</td>
    <td class="number">${feed.checkedAt === null ? '–' : feed.itemCount}</td>
    <td>
      ${feed.lastError === null ? 'none' : html`<span class="over">${feed.lastError}</span> (its posts so far are still served)`}
    </td>`;
}

/** The feed's WebSub subscription in a sentence, or null when its feed names no hub. */
export function webSubInWords(feed: FeedHealth, webSub: WebSubView): string | null {
  const subscription = webSub.subscriptions.get(feed.id);
  const hub = subscription?.hub ?? feed.webSubHub;
  if (hub === null) return null;
  if (!webSub.subscribing)
    return `The feed announces the WebSub hub ${hub}; the endpoint subscribes only once it has a public address (--public-url), so until then it reads the feed on schedule and on pings.`;
  switch (subscription?.state) {
    case undefined:
    case 'new':
      return `Subscribing at the WebSub hub ${hub} shortly.`;
    case 'requested':
      return `Asked the WebSub hub ${hub} to push new posts; waiting for it to confirm (asked again at ${minute(subscription.next_action_at)} if it does not).`;
    case 'subscribed':
      return `Subscribed at the WebSub hub ${hub} until ${minute(subscription.expires_at ?? subscription.next_action_at)} (renewed before then): new posts are read within seconds of the hub's notice.`;
    case 'refused':
      return `The WebSub hub ${hub} did not take the subscription: ${subscription.last_error ?? 'no reason given'}. Asked again at ${minute(subscription.next_action_at)}; meanwhile the feed is read on schedule and on pings.`;
    default:
      return null;
  }
}

const webSubLine = (feed: FeedHealth, webSub: WebSubView) => {
  const words = webSubInWords(feed, webSub);
  return words === null ? '' : html`<br /><span class="hint websub">${words}</span>`;
};

const urlForm = (action: string, csrfToken: string, url: string, label: string) =>
  html`<form method="post" action="${action}" class="inline">
    ${csrfField(csrfToken)}<input type="hidden" name="url" value="${url}" /><button type="submit">${label}</button>
  </form>`;

export function feedsPage(feeds: readonly FeedHealth[], webSub: WebSubView, options: FeedsPageOptions): string {
  return page(
    { title: 'Feeds', csrfToken: options.csrfToken, notice: options.notice, error: options.error },
    html`<p>
        The endpoint reads these feeds for everyone (every 30 minutes, and at once when the blog pings it) and desktops
        take their posts from here. Only shares of these posts are counted.
      </p>
      ${
        options.pingUrl === null
          ? ''
          : html`<div class="notice" role="status">
              <p>
                Ping URL for ${options.pingUrl.feed}. Copy it now: it is shown only this once. Set it as the blog's
                webhook on publish (method POST; see the endpoint's documentation for WordPress and Ghost).
              </p>
              <p><code class="url">${options.pingUrl.url}</code></p>
            </div>`
      }
      <form method="post" action="/dashboard/feeds" class="stack">
        ${csrfField(options.csrfToken)}
        <label
          >Feed or blog address
          <span class="hint">The blog's home page is enough: the feed it announces is found and checked.</span>
          <input type="url" name="url" value="${options.typed}" required />
        </label>
        <p><button type="submit">Check and add</button></p>
      </form>
      <h2>The organisation's feeds</h2>
      ${
        feeds.length === 0
          ? html`<p>No feeds yet. Until there is one, desktops read the feeds their IT policy names.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Feed</th>
                  <th>Last read</th>
                  <th>Next read</th>
                  <th class="number">Posts in the last good read</th>
                  <th>Problem</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${feeds.map(
                  (feed) =>
                    html`<tr>
                      <td class="url">
                        ${feed.title || 'No title yet'}<br /><span class="hint">${feed.url}</span>
                        ${webSubLine(feed, webSub)}
                      </td>
                      ${health(feed)}
                      <td>
                        ${urlForm('/dashboard/feeds/ping-url', options.csrfToken, feed.url, 'New ping URL')}
                        ${urlForm('/dashboard/feeds/remove', options.csrfToken, feed.url, 'Remove')}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
