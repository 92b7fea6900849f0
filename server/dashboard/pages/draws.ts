/** The contest draw: pick a random winner among people who shared in a date range, and the audit trail. */
import type { DrawRecord } from '../../draws/contest-draw.ts';
import { html } from '../html.ts';
import { csrfField, page, shortTime } from '../layout.ts';

export function drawsPage(
  draws: readonly DrawRecord[],
  options: { csrfToken: string; notice: string | null; error: string | null; today: string },
): string {
  return page(
    { title: 'Contest draw', csrfToken: options.csrfToken, notice: options.notice, error: options.error },
    html`<p>
        One winner, drawn among everyone with a standing share made between the two dates (inclusive, UTC). The same
        seed and the same people always give the same winner; every draw is recorded below.
      </p>
      <form method="post" action="/dashboard/draws" class="stack">
        ${csrfField(options.csrfToken)}
        <label>From <input type="date" name="from" required value="${options.today}" /></label>
        <label>To <input type="date" name="to" required value="${options.today}" /></label>
        <label
          >Seed
          <span class="hint"
            >Optional. Leave empty for a random one; give one to repeat a draw in front of witnesses.</span
          ><input type="text" name="seed" maxlength="100"
        /></label>
        <p><button type="submit">Draw a winner</button></p>
      </form>
      <h2>Past draws</h2>
      ${
        draws.length === 0
          ? html`<p>No draws yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Drawn</th>
                  <th>Period</th>
                  <th>Winner</th>
                  <th class="number">Candidates</th>
                  <th>Seed</th>
                  <th>Candidates digest</th>
                </tr>
              </thead>
              <tbody>
                ${draws.map(
                  (draw) =>
                    html`<tr>
                      <td>${shortTime(draw.drawnAt)}</td>
                      <td>${draw.from} – ${draw.to}</td>
                      <td>${draw.winner ?? 'nobody shared'}</td>
                      <td class="number">${draw.candidates}</td>
                      <td><code>${draw.seed}</code></td>
                      <td><code>${draw.candidatesDigest.slice(0, 16)}…</code></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
