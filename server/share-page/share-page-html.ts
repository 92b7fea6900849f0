/**
 * The share page for people without the app: the pitch, each network's message and its share button,
 * built by the same common/share/ code the window uses, and "Mark shared". Plain HTML and forms, no
 * script, so it works with JavaScript off exactly as with it on.
 */
import { appLinkToPost } from '../../common/app-link.ts';
import { NETWORKS, type Network } from '../../common/domain.ts';
import type { EndpointPost } from '../../common/protocol.ts';
import { shareIntent, withLink } from '../../common/share/intents.ts';
import { kitFromPost } from '../../common/share/kit.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import { html, type Html } from '../dashboard/html.ts';
import { page } from '../dashboard/layout.ts';

export interface SharePageView {
  readonly post: EndpointPost;
  /** The page's own path ("/p/3-…"), which its forms post to. */
  readonly path: string;
  /** The link each network's message carries: the person's tracked link, or the post with UTM tags. */
  readonly links: Readonly<Record<Network, string>>;
  /** The signed token of a personal link, kept in every form so the person stays who they are. */
  readonly token: string | null;
  readonly notice: string | null;
  readonly error: string | null;
}

const tokenField = (token: string | null): Html | string =>
  token === null ? '' : html`<input type="hidden" name="t" value="${token}" />`;

function shareButton(view: SharePageView, network: Network, message: string): Html {
  const label = NETWORK_LABELS[network];
  const draft = { text: message, link: view.links[network], subject: view.post.item.title };
  if (network === 'mastodon') {
    // The person's own server is needed first; the endpoint sends them on to its share page.
    return html`<form method="get" action="${view.path}/mastodon" class="stack">
      ${tokenField(view.token)}
      <label
        >Your Mastodon server <span class="hint">like mastodon.social</span>
        <input type="text" name="instance" required autocomplete="off" />
      </label>
      <button type="submit">Share on Mastodon</button>
    </form>`;
  }
  const intent = shareIntent(network, draft);
  if (intent.kind !== 'open') return html`<p>${intent.reason}</p>`;
  const action = network === 'email' ? 'Write an email' : `Share on ${label}`;
  return html`${
      intent.copyFirst
        ? html`<p class="hint">${label} does not take the message: copy it from the box above, then paste it there.</p>`
        : ''
    }
    <p><a href="${intent.url}" target="_blank" rel="noopener noreferrer">${action}</a></p>`;
}

function networkSection(view: SharePageView, network: Network, message: string): Html {
  const label = NETWORK_LABELS[network];
  const text = withLink(message, view.links[network]);
  const id = `message-${network}`;
  return html`<section aria-labelledby="${id}-title">
    <h2 id="${id}-title">${label}</h2>
    <label for="${id}">Message for ${label}</label>
    <textarea id="${id}" readonly rows="4" cols="60">${text}</textarea>
    ${shareButton(view, network, message)}
    <form method="post" action="${view.path}/shared">
      ${tokenField(view.token)}<input type="hidden" name="network" value="${network}" />
      <button type="submit">Mark shared on ${label}</button>
    </form>
  </section>`;
}

export function sharePage(view: SharePageView): string {
  const kit = kitFromPost(view.post.item);
  const who =
    view.token === null
      ? html`<p class="hint">
          Shares you mark here count as shares from the channel. With the Advocate app they count as yours.
        </p>`
      : '';
  return page(
    { title: view.post.item.title || view.post.item.link, notice: view.notice, error: view.error },
    html`<p>${kit.pitch}</p>
      <p>
        <a href="${view.post.item.link}" target="_blank" rel="noopener noreferrer">Read the post</a> ·
        <a href="${appLinkToPost(view.post.item.link)}">Open in Advocate</a>
      </p>
      ${who} ${NETWORKS.map((network) => networkSection(view, network, kit.messages[network]))}`,
  );
}
