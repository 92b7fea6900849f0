/** The sign-in page: the admin token printed at first start (or by `rotate-admin-token`). */
import { html } from '../html.ts';
import { page } from '../layout.ts';

export function loginPage(loginToken: string, error: string | null = null): string {
  return page(
    { title: 'Sign in', error },
    html`<form method="post" action="/dashboard/login" class="stack">
      <input type="hidden" name="_csrf" value="${loginToken}" />
      <label
        >Admin token
        <span class="hint"
          >Printed when the endpoint first started; a new one comes from
          <code>npm run server:admin -- rotate-admin-token</code>.</span
        >
        <input type="password" name="token" autocomplete="off" required
      /></label>
      <p><button type="submit">Sign in</button></p>
    </form>`,
  );
}
