/** One person: rename, team, deactivate or reactivate, and their devices, each revocable. */
import type { DeviceListing } from '../../admin/devices.ts';
import type { PersonListing } from '../../admin/people.ts';
import { html } from '../html.ts';
import { csrfField, idRef, page, shortTime } from '../layout.ts';
import type { PageState } from './people.ts';

export function personPage(
  person: PersonListing,
  devices: readonly DeviceListing[],
  state: PageState,
  typed: { readonly name?: string; readonly team?: string } = {},
): string {
  const action = (what: string) => `/dashboard/people/${String(person.id)}/${what}`;
  const deactivatedAt = person.deactivatedAt;
  const active = deactivatedAt === null;
  return page(
    { title: person.displayName, ...state },
    html`<p><a href="/dashboard/people">All people</a></p>
      <p>
        ${deactivatedAt === null ? 'Active' : `Deactivated since ${shortTime(deactivatedAt)} UTC`} ·
        ${person.team ?? 'no team'} · ${person.shares} standing ${person.shares === 1 ? 'share' : 'shares'} ·
        ${person.clicks} ${person.clicks === 1 ? 'click' : 'clicks'} · enrolled ${shortTime(person.enrolledAt)} UTC
      </p>
      <form method="post" action="${action('rename')}" class="stack">
        ${csrfField(state.csrfToken)}
        <label
          >Name <span class="hint">As colleagues know them; at most 80 characters.</span>
          <input type="text" name="name" required maxlength="200" value="${typed.name ?? person.displayName}"
        /></label>
        <p><button type="submit">Rename</button></p>
      </form>
      <form method="post" action="${action('team')}" class="stack">
        ${csrfField(state.csrfToken)}
        <label
          >Team
          <span class="hint"
            >Empty for no team. Their standing shares count for the new team from now on, in every week they were
            made.</span
          >
          <input type="text" name="team" maxlength="200" value="${typed.team ?? person.team ?? ''}"
        /></label>
        <p><button type="submit">Change team</button></p>
      </form>
      <h2>${active ? 'Deactivate' : 'Reactivate'}</h2>
      <p>
        ${
          active
            ? 'Their devices are refused from now on (the desktop says so), and they leave the leaderboard and the contest draw. Their shares stay in the totals. You can reactivate them later.'
            : 'Their devices work again and they are back on the leaderboard and in the contest draw.'
        }
      </p>
      <form method="post" action="${action(active ? 'deactivate' : 'reactivate')}" class="inline">
        ${csrfField(state.csrfToken)}<button type="submit">${active ? 'Deactivate' : 'Reactivate'}</button>
      </form>
      <h2>Devices</h2>
      ${
        devices.length === 0
          ? html`<p>No devices.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th class="number">Device</th>
                  <th>Enrolled (UTC)</th>
                  <th>With code</th>
                  <th>Last seen (UTC)</th>
                  <th>State</th>
                </tr>
              </thead>
              <tbody>
                ${devices.map(
                  (device) =>
                    html`<tr>
                      <td class="number">#${device.id}</td>
                      <td>${shortTime(device.createdAt)}</td>
                      <td>${idRef(device.codeId)}</td>
                      <td>${device.lastSeenAt === null ? 'never' : shortTime(device.lastSeenAt)}</td>
                      <td>
                        ${
                          device.revokedAt === null
                            ? html`<form method="post" action="/dashboard/devices/${device.id}/revoke" class="inline">
                                ${csrfField(state.csrfToken)}<button type="submit">Revoke device #${device.id}</button>
                              </form>`
                            : `revoked ${shortTime(device.revokedAt)}`
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
