/**
 * The organisation's channels: Slack, Teams and signed webhooks that get each new post once. Add one
 * (its address checked), send it a test (the receiver's answer shown in words), see what was sent and
 * what stopped and why, remove one. A webhook's signing key is shown once, right after it is made.
 */
import { plural } from '../../../common/plural.ts';
import { CHANNEL_KINDS, KIND_NAMES } from '../../channels/channel-address.ts';
import type { ChannelHealth } from '../../channels/channel-store.ts';
import type { ChannelKind } from '../../database.ts';
import { html } from '../html.ts';
import { csrfField, page } from '../layout.ts';

export interface ChannelForm {
  readonly kind: ChannelKind;
  readonly name: string;
  readonly url: string;
  readonly teams: string;
}

export const EMPTY_CHANNEL_FORM: ChannelForm = { kind: 'slack', name: '', url: '', teams: '' };

export interface ChannelsPageOptions {
  readonly csrfToken: string;
  readonly notice: string | null;
  readonly error: string | null;
  /** What was typed, kept when an add is refused. */
  readonly typed: ChannelForm;
  /** A webhook's signing key, shown only right after the channel was added. */
  readonly secret: { readonly channel: string; readonly secret: string } | null;
}

/** The address without its path: for Slack and Teams the path is the key, not for every eye. */
const hostOf = (url: string): string => `${new URL(url).origin}/…`;

const idForm = (action: string, csrfToken: string, label: string) =>
  html`<form method="post" action="${action}" class="inline">
    ${csrfField(csrfToken)}<button type="submit">${label}</button>
  </form>`;

function status(channel: ChannelHealth) {
  return html`<td class="number">${channel.sent}</td>
    <td class="number">${channel.waiting}</td>
    <td>
      ${
        channel.failed === 0
          ? 'none'
          : html`<span class="over">${plural(channel.failed, 'post')} stopped</span>: ${channel.lastFailure ?? ''}`
      }
    </td>`;
}

export function channelsPage(channels: readonly ChannelHealth[], options: ChannelsPageOptions): string {
  const typed = options.typed;
  return page(
    { title: 'Channels', csrfToken: options.csrfToken, notice: options.notice, error: options.error },
    html`<p>
        Each new post the endpoint reads from the organisation's feeds goes to every channel once, within seconds. A
        feed's first read (its older posts) is not sent. Channels for some teams get no posts yet: share kits do not
        name their audience.
      </p>
      ${
        options.secret === null
          ? ''
          : html`<div class="notice" role="status">
              <p>
                Signing key for ${options.secret.channel}. Copy it now: it is shown only this once. The receiver checks
                X-Advocate-Signature with it (see the endpoint's documentation).
              </p>
              <p><code class="secret">${options.secret.secret}</code></p>
            </div>`
      }
      <form method="post" action="/dashboard/channels" class="stack">
        ${csrfField(options.csrfToken)}
        <label
          >Kind
          <select name="kind">
            ${CHANNEL_KINDS.map(
              (kind) =>
                html`<option value="${kind}" ${kind === typed.kind ? 'selected' : ''}>${KIND_NAMES[kind]}</option>`,
            )}
          </select>
        </label>
        <label>Name <input type="text" name="name" value="${typed.name}" required maxlength="200" /></label>
        <label
          >Webhook address
          <span class="hint"
            >Slack: an incoming-webhook URL (https://hooks.slack.com/services/…). Teams: a Workflows webhook URL.
            Webhook: any https address; each post is signed.</span
          >
          <input type="url" name="url" value="${typed.url}" required />
        </label>
        <label
          >Teams <span class="hint">Optional, separated by commas. Empty: every post.</span>
          <input type="text" name="teams" value="${typed.teams}" />
        </label>
        <p><button type="submit">Check and add</button></p>
      </form>
      <h2>The organisation's channels</h2>
      ${
        channels.length === 0
          ? html`<p>No channels yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Channel</th>
                  <th>For</th>
                  <th class="number">Posts sent</th>
                  <th class="number">Posts waiting</th>
                  <th>Stopped</th>
                  <th><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                ${channels.map(
                  (channel) =>
                    html`<tr>
                      <td class="url">
                        ${channel.name} (${KIND_NAMES[channel.kind]})<br /><span class="hint"
                          >${hostOf(channel.url)}</span
                        >
                      </td>
                      <td>${channel.teams.length === 0 ? 'every post' : channel.teams.join(', ')}</td>
                      ${status(channel)}
                      <td>
                        ${idForm(`/dashboard/channels/${String(channel.id)}/test`, options.csrfToken, 'Send a test')}
                        ${idForm(`/dashboard/channels/${String(channel.id)}/remove`, options.csrfToken, 'Remove')}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
