/** Share kits: the list, and the editor for one post's pitch, messages, hashtags and image. */
import { NETWORKS, type Network } from '../../../common/domain.ts';
import { MAX_PITCH_LENGTH, type ShareKitWire } from '../../../common/protocol.ts';
import { withLink } from '../../../common/share/intents.ts';
import { derivedMessage, hashtagsFromText } from '../../../common/share/kit.ts';
import { measureMessage } from '../../../common/share/length.ts';
import { NETWORK_LABELS } from '../../../common/share/network-labels.ts';
import { MAX_VARIANTS } from '../../../common/share/variants.ts';
import type { VariantShares } from '../../kits/variant-shares.ts';
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
  /** Each network's first wording (variant 1). */
  readonly messages: Readonly<Partial<Record<Network, string>>>;
  /** Each network's other wordings, by variant number (2 to 5). */
  readonly moreWordings?: Readonly<Partial<Record<Network, Readonly<Partial<Record<number, string>>>>>>;
}

export const EMPTY_KIT_FORM: KitForm = { postKey: '', pitch: '', hashtags: '', imageUrl: '', messages: {} };

/** The variant numbers after the first, each a slot of the editor. */
export const MORE_VARIANT_IDS = Array.from({ length: MAX_VARIANTS - 1 }, (_, index) => index + 2);

export function kitToForm(kit: ShareKitWire): KitForm {
  const messages: Partial<Record<Network, string>> = {};
  const moreWordings: Partial<Record<Network, Partial<Record<number, string>>>> = {};
  for (const network of NETWORKS) {
    for (const { id, text } of kit.variants?.[network] ?? []) {
      if (id === 1) messages[network] = text;
      else moreWordings[network] = { ...moreWordings[network], [id]: text };
    }
  }
  return {
    postKey: kit.postKey,
    pitch: kit.pitch,
    hashtags: kit.hashtags.map((tag) => `#${tag}`).join(' '),
    imageUrl: kit.imageUrl ?? '',
    messages: kit.variants === undefined ? kit.messages : messages,
    moreWordings,
  };
}

/**
 * How long the message people get is, counted as the window counts it: the one written here as written,
 * or for a network left blank the pitch and the hashtags (the rule in common/share/kit.ts); a blank
 * variant after the first is simply not offered.
 */
function counter(network: Network, form: KitForm, exampleLink: string, variant = 1): Html | string {
  const written = variant === 1 ? form.messages[network] : form.moreWordings?.[network]?.[variant];
  const pitch = variant === 1 ? form.pitch.trim() : '';
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
  /** For the kit being edited: who shared its post with which wording. */
  readonly variantShares?: readonly VariantShares[];
}

/** A network's wordings after the first, folded away until one is written. */
function moreWordingsFields(network: Network, form: KitForm, exampleLink: string): Html {
  const label = NETWORK_LABELS[network];
  const written = MORE_VARIANT_IDS.some((id) => form.moreWordings?.[network]?.[id]);
  return html`<details ${written ? html`open` : ''}>
    <summary>Other wordings for ${label} (variants 2 to ${MAX_VARIANTS})</summary>
    <p class="hint">
      Each person is offered one of the wordings, always the same one for this post, and may switch to another. A
      wording added later takes only some people from the others; everyone else keeps theirs.
    </p>
    ${MORE_VARIANT_IDS.map(
      (id) =>
        html`<label
          >${label} variant ${id} ${counter(network, form, exampleLink, id)}
          <textarea name="message_${network}_${id}" rows="2">${form.moreWordings?.[network]?.[id] ?? ''}</textarea>
        </label>`,
    )}
  </details>`;
}

const SHOWN_OF_WORDING = 80;

function wordingCell(form: KitForm, network: Network, variant: number | null): Html {
  if (variant === null) return html`<td>Not recorded (shared from a desktop from before variants)</td>`;
  const text = variant === 1 ? form.messages[network] : form.moreWordings?.[network]?.[variant];
  if (text === undefined) return html`<td>Variant ${variant} (no longer in the kit)</td>`;
  const shown = text.length > SHOWN_OF_WORDING ? `${text.slice(0, SHOWN_OF_WORDING)}…` : text;
  return html`<td>Variant ${variant}: “${shown}”</td>`;
}

/** The people who have the post shared, per network and the wording they started from. */
function variantSharesTable(form: KitForm, shares: readonly VariantShares[]): Html {
  return html`<h2>Shares per wording</h2>
    ${
      shares.length === 0
        ? html`<p>Nobody has this post shared yet.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Network</th>
                <th>Wording</th>
                <th>People who have it shared with it</th>
              </tr>
            </thead>
            <tbody>
              ${shares.map(
                (row) =>
                  html`<tr>
                    <td>${NETWORK_LABELS[row.network]}</td>
                    ${wordingCell(form, row.network, row.variant)}
                    <td class="number">${row.people}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
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
              </label>
              ${moreWordingsFields(network, form, options.exampleLink)}`,
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
      ${options.variantShares === undefined ? '' : variantSharesTable(form, options.variantShares)}
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
