/** The admin action log: who changed what about people, codes and devices, and when. */
import type { LoggedAction } from '../../admin/action-log.ts';
import { html } from '../html.ts';
import { page, shortTime } from '../layout.ts';
import type { PageState } from './people.ts';

export function actionLogPage(actions: readonly LoggedAction[], limit: number, state: PageState): string {
  return page(
    { title: 'Action log', ...state },
    html`<p>
        The ${limit} newest changes to people, enrollment codes and devices, made on this dashboard or with
        <code>npm run server:admin</code>, newest first.
      </p>
      ${
        actions.length === 0
          ? html`<p>No changes yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>When (UTC)</th>
                  <th>From</th>
                  <th>Action</th>
                  <th>On</th>
                  <th>What changed</th>
                </tr>
              </thead>
              <tbody>
                ${actions.map(
                  (action) =>
                    html`<tr>
                      <td>${shortTime(action.at)}</td>
                      <td>${action.actor}</td>
                      <td>${action.action}</td>
                      <td>${action.target}</td>
                      <td>${action.detail}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
