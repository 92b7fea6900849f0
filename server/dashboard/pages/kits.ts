/** Share kits: the list, and the editor for one post's pitch, messages, hashtags and image. */
import { NETWORKS, type Network } from '../../../common/domain.ts';
import { MAX_PITCH_LENGTH, type ShareKitWire } from '../../../common/protocol.ts';
import { withLink } from '../../../common/share/intents.ts';
import { derivedMessage, hashtagsFromText } from '../../../common/share/kit.ts';
import { measureMessage } from '../../../common/share/length.ts';
import { NETWORK_LABELS } from '../../../common/share/network-labels.ts';
import { html, type Html } from '../html.ts';
import { csrfField, page, shortTime } from '../layout.ts';
import { postCell } from '../post-cell.ts';
import type { KnownPost } from '../../feeds/post-titles.ts';

/** The editor's fields as text, so a refused form comes back exactly as it was typed. */
export interface KitForm {
  readonly postKey: string;
  readonly pitch: string;
  readonly hashtags: string;
  readonly imageUrl: string;
  readonly messages: Readonly<Partial<Record<Network, string>>>;
}

export const EMPTY_KIT_FORM: KitForm = { postKey: '', pitch: '', hashtags: '', imageUrl: '', messages: {} };

export const kitToForm = (kit: ShareKitWire): KitForm => ({
  postKey: kit.postKey,
  pitch: kit.pitch,
  hashtags: kit.hashtags.map((tag) => `#${tag}`).join(' '),
  imageUrl: kit.imageUrl ?? '',
  messages: kit.messages,
});

/**
 * How long the message people get is, counted as the window counts it: the one written here as written,
 * or for a network left blank the pitch and the hashtags (the rule in common/share/kit.ts).
 */
function counter(network: Network, form: KitForm, exampleLink: string): Html | string {
  const written = form.messages[network];
  const pitch = form.pitch.trim();
  if (!written && !pitch) return '';
  const message = written || derivedMessage({ title: '', pitch, hashtags: hashtagsFromText(form.hashtags) });
  const { length, limit, over } = measureMessage(network, withLink(message, exampleLink));
  return html`<span class="hint${over ? ' over' : ''}"
    >${written ? '' : 'left blank, the pitch and hashtags: '}${length}${limit === null ? '' : ` / ${String(limit)}`}
    with the link</span
  >`;
}

export interface KitsPageOptions {
  readonly csrfToken: string;
  readonly exampleLink: string;
  readonly notice: string | null;
  readonly errors: readonly string[];
  /** The feeds' posts to pick from; empty without feeds (the URL is typed then). */
  readonly posts?: readonly KnownPost[];
  /** Titles of the kits' posts, where a feed has them. */
  readonly titles?: ReadonlyMap<string, string>;
}

/** A choice of the feeds' posts, the one being edited included even when it has left them. */
function postPicker(form: KitForm, posts: readonly KnownPost[]): Html {
  const listed = posts.some((post) => post.link === form.postKey);
  return html`<label
    >Post
    <select name="postKey" required>
      ${form.postKey === '' ? html`<option value="">Choose a post</option>` : ''}
      ${!listed && form.postKey !== '' ? html`<option value="${form.postKey}" selected>${form.postKey}</option>` : ''}
      ${posts.map(
        (post) =>
          html`<option value="${post.link}" ${post.link === form.postKey ? html`selected` : ''}>
            ${post.title || post.link}${post.publishedAt === null ? '' : ` (${post.publishedAt.slice(0, 10)})`}
          </option>`,
      )}
    </select>
  </label>`;
}

export function kitsPage(kits: readonly ShareKitWire[], form: KitForm, options: KitsPageOptions): string {
  const posts = options.posts ?? [];
  return page(
    {
      title: 'Share kits',
      csrfToken: options.csrfToken,
      notice: options.notice,
      error: options.errors.length > 0 ? 'The kit was not saved:' : null,
    },
    html`${
        options.errors.length > 0
          ? html`<ul class="error">
              ${options.errors.map((error) => html`<li>${error}</li>`)}
            </ul>`
          : ''
      }
      <h2>${form.postKey ? 'Edit kit' : 'New kit'}</h2>
      <form method="post" action="/dashboard/kits" class="stack">
        ${csrfField(options.csrfToken)}
        ${
          posts.length > 0
            ? postPicker(form, posts)
            : html`<label>Post URL <input type="url" name="postKey" value="${form.postKey}" required /></label>`
        }
        <label
          >Pitch
          <span class="hint"
            >Why this post is worth sharing, in one or two sentences (at most ${MAX_PITCH_LENGTH} characters).</span
          >
          <textarea name="pitch" rows="2">${form.pitch}</textarea>
        </label>
        ${NETWORKS.map(
          (network) =>
            html`<label
              >${NETWORK_LABELS[network]} message ${counter(network, form, options.exampleLink)}
              <textarea name="message_${network}" rows="3">${form.messages[network] ?? ''}</textarea>
            </label>`,
        )}
        <label
          >Hashtags
          <span class="hint"
            >Separated by spaces, with or without #. Added after the pitch for each network left blank above (unless the
            post's feed has its own message for it); a message written above is shared exactly as written, so put its
            hashtags in it.</span
          ><input type="text" name="hashtags" value="${form.hashtags}"
        /></label>
        <label
          >Image URL <span class="hint">https only.</span><input type="url" name="imageUrl" value="${form.imageUrl}"
        /></label>
        <p><button type="submit">Save kit</button></p>
      </form>
      <h2>Kits</h2>
      ${
        kits.length === 0
          ? html`<p>No kits yet. Posts without one get messages made from their feed.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Post</th>
                  <th>Pitch</th>
                  <th>Updated</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${kits.map(
                  (kit) =>
                    html`<tr>
                      ${postCell(
                        kit.postKey,
                        options.titles?.get(kit.postKey),
                        `/dashboard/kits?postKey=${encodeURIComponent(kit.postKey)}`,
                      )}
                      <td>${kit.pitch}</td>
                      <td>${shortTime(kit.updatedAt)}</td>
                      <td>
                        <form method="post" action="/dashboard/kits/delete" class="inline">
                          ${csrfField(options.csrfToken)}<input
                            type="hidden"
                            name="postKey"
                            value="${kit.postKey}"
                          /><button type="submit">Delete</button>
                        </form>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
