/**
 * The organisation's feeds: add one (checked live, found behind a blog's home page), see how each is
 * doing, remove one, and make the ping URL a CMS calls on publish. Only the ping secret's hash is
 * kept, so its URL is shown once, right after it is made.
 */
import type { FeedHealth } from '../../feeds/feed-catalogue.ts';
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

const minute = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function health(feed: FeedHealth) {
  return html`<td>${feed.checkedAt === null ? 'not yet' : minute(feed.checkedAt)}</td>
    <td>${minute(feed.nextCheckAt)}</td>
    <td class="number">${feed.checkedAt === null ? '–' : feed.itemCount}</td>
    <td>
      ${feed.lastError === null ? 'none' : html`<span class="over">${feed.lastError}</span> (its posts so far are still served)`}
    </td>`;
}

const urlForm = (action: string, csrfToken: string, url: string, label: string) =>
  html`<form method="post" action="${action}" class="inline">
    ${csrfField(csrfToken)}<input type="hidden" name="url" value="${url}" /><button type="submit">${label}</button>
  </form>`;

export function feedsPage(feeds: readonly FeedHealth[], options: FeedsPageOptions): string {
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
                      <td class="url">${feed.title || 'No title yet'}<br /><span class="hint">${feed.url}</span></td>
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
