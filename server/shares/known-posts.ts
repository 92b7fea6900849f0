/**
 * Shares only of real posts: once the organisation has feeds, a share of a URL none of them has (made
 * up, or another company's) is not counted. A take-back still passes when that person has the post
 * standing from before the feeds were added, so counts made then can still come down.
 */
import type { Db } from '../database.ts';

export const UNKNOWN_POST = 'unknown post';

export async function organisationHasFeeds(db: Db): Promise<boolean> {
  return (await db.selectFrom('feeds').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Of these post keys, the ones the feeds have. */
export async function knownPostKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  const unique = [...new Set(keys)];
  for (let start = 0; start < unique.length; start += 400) {
    const rows = await db
      .selectFrom('posts')
      .select('link')
      .distinct()
      .where('link', 'in', unique.slice(start, start + 400))
      .execute();
    for (const row of rows) known.add(row.link);
  }
  return known;
}

export interface PostClaim {
  readonly personId: number;
  readonly postKey: string;
  readonly type: 'shared' | 'unshared';
}

/** Which claims are of unknown posts (by index); none when there are no feeds or outside posts are allowed. */
export async function unknownPostClaims(
  db: Db,
  claims: readonly PostClaim[],
  allowOutsidePosts: boolean,
): Promise<Set<number>> {
  const unknown = new Set<number>();
  if (allowOutsidePosts || claims.length === 0 || !(await organisationHasFeeds(db))) return unknown;
  const known = await knownPostKeys(
    db,
    claims.map((claim) => claim.postKey),
  );
  const takeBacks: number[] = [];
  claims.forEach((claim, index) => {
    if (known.has(claim.postKey)) return;
    if (claim.type === 'unshared') takeBacks.push(index);
    else unknown.add(index);
  });
  for (const index of takeBacks) {
    const claim = claims[index];
    if (!claim) continue;
    const standing = await db
      .selectFrom('share_states')
      .select('person_id')
      .where('person_id', '=', claim.personId)
      .where('post_key', '=', claim.postKey)
      .limit(1)
      .executeTakeFirst();
    if (!standing) unknown.add(index);
  }
  return unknown;
}
