/** The dashboard's page shell: one stylesheet, no script, a navigation bar when signed in. */
import { html, type Html } from './html.ts';

export interface PageOptions {
  readonly title: string;
  /** Set when signed in: every form on the page carries it. */
  readonly csrfToken?: string;
  readonly notice?: string | null;
  readonly error?: string | null;
}

/** A stored ISO time as the dashboard shows it: "2026-12-08 09:30" (UTC). */
export const shortTime = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** A code or device number as the dashboard shows it ("#3"), or a dash when there is none. */
export const idRef = (id: number | null): string => (id === null ? '–' : `#${String(id)}`);

export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}" />`;

export function page(options: PageOptions, body: Html): string {
  const nav = options.csrfToken
    ? html`<nav aria-label="Dashboard">
        <a href="/dashboard/">Results</a>
        <a href="/dashboard/feeds">Feeds</a>
        <a href="/dashboard/channels">Channels</a>
        <a href="/dashboard/kits">Share kits</a>
        <a href="/dashboard/draws">Contest draw</a>
        <a href="/dashboard/people">People</a>
        <a href="/dashboard/enrollments">New enrollments</a>
        <a href="/dashboard/codes">Enrollment codes</a>
        <a href="/dashboard/log">Action log</a>
        <form method="post" action="/dashboard/logout" class="inline">
          ${csrfField(options.csrfToken)}<button type="submit" class="link">Sign out</button>
        </form>
      </nav>`
    : '';
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · Advocate</title>
        <link rel="stylesheet" href="/dashboard/assets/dashboard.css" />
        <link rel="icon" href="/dashboard/assets/icon.svg" type="image/svg+xml" />
      </head>
      <body>
        <header>
          <p class="brand">Advocate</p>
          ${nav}
        </header>
        <main>
          <h1>${options.title}</h1>
          ${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
          ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''} ${body}
        </main>
      </body>
    </html>`.markup;
}
