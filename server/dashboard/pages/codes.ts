/** Enrollment codes: the list with uses and state, a form for a new one, and revoking. */
import type { CodeListing } from '../../admin/enrollment-codes.ts';
import { html } from '../html.ts';
import { csrfField, page, shortTime } from '../layout.ts';
import type { PageState } from './people.ts';

export function codesPage(
  codes: readonly CodeListing[],
  state: PageState & { readonly newCode?: { readonly id: number; readonly code: string } },
  now: Date,
): string {
  const stateOf = (code: CodeListing): string =>
    code.revokedAt !== null
      ? `revoked ${shortTime(code.revokedAt)}`
      : code.expiresAt !== null && code.expiresAt <= now.toISOString()
        ? 'expired'
        : 'in use';
  return page(
    { title: 'Enrollment codes', ...state },
    html`${
        state.newCode
          ? html`<p class="notice" role="status">
              New code #${state.newCode.id}: <code class="secret">${state.newCode.code}</code>. It is shown only this
              once: copy it now (for the desktops' policy, or to send to people).
            </p>`
          : ''
      }
      <p>
        Desktops enroll with a code once and then use a token of their own. Revoking a code stops new enrollments with
        it; devices already enrolled keep working (revoke those on a person's page).
      </p>
      <h2>New code</h2>
      <form method="post" action="/dashboard/codes" class="stack">
        ${csrfField(state.csrfToken)}
        <label
          >Team <span class="hint">Optional: people who enroll with it join this team.</span>
          <input type="text" name="team" maxlength="200"
        /></label>
        <label
          >Expires after (days) <span class="hint">Optional: empty for a code that does not expire.</span>
          <input type="number" name="expiresInDays" min="1" max="3650" step="1"
        /></label>
        <label
          >Maximum enrollments <span class="hint">Optional: empty for no limit.</span>
          <input type="number" name="maxUses" min="1" max="100000" step="1"
        /></label>
        <label
          ><input type="checkbox" name="teamChoice" /> People may name their own team
          <span class="hint">Without a team above, they always may.</span></label
        >
        <p><button type="submit">Create code</button></p>
      </form>
      <h2>Codes</h2>
      ${
        codes.length === 0
          ? html`<p>No codes.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th class="number">Code</th>
                  <th>Team</th>
                  <th class="number">Enrollments</th>
                  <th>Created (UTC)</th>
                  <th>Expires (UTC)</th>
                  <th>State</th>
                  <th><span class="visually-hidden">Revoke</span></th>
                </tr>
              </thead>
              <tbody>
                ${codes.map(
                  (code) =>
                    html`<tr>
                      <td class="number">#${code.id}</td>
                      <td>
                        ${code.team ?? 'no team'}${code.teamChoice ? html`<br /><span class="hint">people may name their own</span>` : ''}
                      </td>
                      <td class="number">
                        ${code.maxUses === null ? code.uses : `${String(code.uses)} of ${String(code.maxUses)}`}
                      </td>
                      <td>${shortTime(code.createdAt)}</td>
                      <td>${code.expiresAt === null ? 'never' : shortTime(code.expiresAt)}</td>
                      <td>${stateOf(code)}</td>
                      <td>
                        ${
                          code.revokedAt === null
                            ? html`<form method="post" action="/dashboard/codes/${code.id}/revoke" class="inline">
                                ${csrfField(state.csrfToken)}<button type="submit">Revoke code #${code.id}</button>
                              </form>`
                            : ''
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
