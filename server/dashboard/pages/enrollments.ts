/** New enrollments, newest first: who enrolled, when, with which code, so a manager spots a leaked code. */
import type { DeviceListing } from '../../admin/devices.ts';
import { html } from '../html.ts';
import { idRef, page, shortTime } from '../layout.ts';
import type { PageState } from './people.ts';

export function enrollmentsPage(devices: readonly DeviceListing[], limit: number, state: PageState): string {
  return page(
    { title: 'New enrollments', ...state },
    html`<p>
        The ${limit} newest enrollments (each device that enrolled), newest first. Many from one code in a short time,
        or names you do not know, may mean a code leaked: revoke it on the
        <a href="/dashboard/codes">Enrollment codes</a> page, and deactivate or merge the people on the
        <a href="/dashboard/people">People</a> page.
      </p>
      ${
        devices.length === 0
          ? html`<p>Nobody has enrolled yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Enrolled (UTC)</th>
                  <th>Who</th>
                  <th>Team</th>
                  <th>With code</th>
                  <th class="number">Device</th>
                </tr>
              </thead>
              <tbody>
                ${devices.map(
                  (device) =>
                    html`<tr>
                      <td>${shortTime(device.createdAt)}</td>
                      <td><a href="/dashboard/people/${device.personId}">${device.displayName}</a></td>
                      <td>${device.team ?? '–'}</td>
                      <td>${idRef(device.codeId)}</td>
                      <td class="number">#${device.id}${device.revokedAt === null ? '' : ' (revoked)'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
