/** People: everyone enrolled, with their devices and figures, and the form that merges two of them. */
import type { PersonListing } from '../../admin/people.ts';
import { html } from '../html.ts';
import { csrfField, idRef, page, shortTime } from '../layout.ts';

export interface PageState {
  readonly csrfToken: string;
  readonly notice: string | null;
  readonly error: string | null;
}

const personOption = (person: PersonListing) =>
  html`<option value="${person.id}">${person.displayName} (${person.team ?? 'no team'}, #${person.id})</option>`;

export function peoplePage(people: readonly PersonListing[], state: PageState): string {
  const deactivated = people.filter((person) => person.deactivatedAt !== null).length;
  return page(
    { title: 'People', ...state },
    html`<p>
        ${people.length === 1 ? '1 person' : `${String(people.length)} people`}
        enrolled${deactivated > 0 ? `, ${String(deactivated)} of them deactivated` : ''}. Open a name to rename the
        person, change their team, deactivate them or revoke a device. A deactivated person's shares stay in the totals,
        the teams and the posts, but they leave the leaderboard and the contest draw.
      </p>
      ${
        people.length === 0
          ? html`<p>Nobody has enrolled yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Team</th>
                  <th class="number">Devices</th>
                  <th class="number">Shares</th>
                  <th class="number">Clicks</th>
                  <th>Last seen (UTC)</th>
                  <th>Enrolled (UTC)</th>
                  <th>With code</th>
                  <th>State</th>
                </tr>
              </thead>
              <tbody>
                ${people.map(
                  (person) =>
                    html`<tr>
                      <td><a href="/dashboard/people/${person.id}">${person.displayName}</a></td>
                      <td>${person.team ?? '–'}</td>
                      <td class="number">
                        ${person.devices}${person.revokedDevices > 0 ? ` (+${String(person.revokedDevices)} revoked)` : ''}
                      </td>
                      <td class="number">${person.shares}</td>
                      <td class="number">${person.clicks}</td>
                      <td>${person.lastSeenAt === null ? 'never' : shortTime(person.lastSeenAt)}</td>
                      <td>${shortTime(person.enrolledAt)}</td>
                      <td>${idRef(person.enrolledWithCode)}</td>
                      <td>
                        ${person.deactivatedAt === null ? 'active' : `deactivated ${shortTime(person.deactivatedAt)}`}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      <h2>Merge two people</h2>
      <p>
        For one person enrolled twice. Their devices, shares, tracked links and clicks move to the person kept, and the
        other is removed. A post both shared on the same network counts once; the newest of their two clicks decides
        whether it stands shared. This cannot be undone.
      </p>
      ${
        people.length < 2
          ? html`<p>Merging needs at least two people.</p>`
          : html`<form method="post" action="/dashboard/people/merge" class="stack">
              ${csrfField(state.csrfToken)}
              <label
                >Keep
                <select name="keep" required>
                  ${people.map(personOption)}
                </select></label
              >
              <label
                >Merge into them and remove
                <select name="remove" required>
                  ${people.map(personOption)}
                </select></label
              >
              <p><button type="submit">Merge</button></p>
            </form>`
      }`,
  );
}
