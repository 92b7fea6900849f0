/** A post in a dashboard table: its title with the URL beneath, or the URL alone when no feed has it. */
import { html, type Html } from './html.ts';

export const postCell = (url: string, title: string | undefined, href?: string): Html => {
  const link = href === undefined ? url : html`<a href="${href}">${url}</a>`;
  return title === undefined
    ? html`<td class="url">${link}</td>`
    : html`<td class="url">${title}<br /><span class="hint">${link}</span></td>`;
};
