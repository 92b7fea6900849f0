/**
 * The address of a post's share page: for a channel (anyone may follow it; marks count as from the
 * channel) or for one person (signed and expiring, so marks there count as theirs).
 */
import type { Db } from '../database.ts';
import { mintPersonToken } from '../security/person-token.ts';
import { sharePagePath } from './share-page-post.ts';

/** How long a personal link works unless asked otherwise: a fortnight, long after the email was read. */
export const PERSONAL_LINK_DAYS = 14;

export interface SharePageLinkRequest {
  readonly postUrl: string;
  /** Where people reach the endpoint (ends with "/"). */
  readonly publicUrl: string;
  readonly person?: { readonly id: number; readonly expiresAt: Date };
}

export type SharePageLink = { ok: true; link: string; title: string } | { ok: false; reason: string };

export async function sharePageLink(db: Db, request: SharePageLinkRequest): Promise<SharePageLink> {
  const post = await db
    .selectFrom('posts')
    .select(['feed_id', 'item_key', 'title'])
    .where('link', '=', request.postUrl)
    .orderBy('revision', 'desc')
    .executeTakeFirst();
  if (post === undefined)
    return {
      ok: false,
      reason: `no feed of the endpoint has a post at ${request.postUrl} (list-feeds shows the feeds)`,
    };
  const url = new URL(sharePagePath(post.feed_id, post.item_key), request.publicUrl);
  if (request.person !== undefined) {
    const person = await db
      .selectFrom('people')
      .select(['id', 'deactivated_at'])
      .where('id', '=', request.person.id)
      .executeTakeFirst();
    if (person === undefined)
      return { ok: false, reason: `there is no person ${String(request.person.id)} (list-people shows them)` };
    if (person.deactivated_at !== null)
      return { ok: false, reason: `person ${String(person.id)} is deactivated: their shares are not taken` };
    url.searchParams.set('t', await mintPersonToken(db, 'share page', person.id, request.person.expiresAt));
  }
  return { ok: true, link: url.href, title: post.title };
}
