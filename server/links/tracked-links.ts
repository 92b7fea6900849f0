/**
 * One tracked link per person, post and network: asking again gives the same code, so a person's
 * link is stable across devices and restarts. Codes are random, so they say nothing about the person.
 */
import type { Network } from '../../common/domain.ts';
import { newShareCode } from '../../common/share/utm.ts';
import type { Db } from '../database.ts';

export async function linkCodes(
  db: Db,
  personId: number,
  postKey: string,
  networks: readonly Network[],
  now = new Date(),
): Promise<Map<Network, string>> {
  await db
    .insertInto('tracked_links')
    .values(
      networks.map((network) => ({
        code: newShareCode(),
        person_id: personId,
        post_key: postKey,
        network,
        created_at: now.toISOString(),
      })),
    )
    .onConflict((conflict) => conflict.columns(['person_id', 'post_key', 'network']).doNothing())
    .execute();
  const rows = await db
    .selectFrom('tracked_links')
    .select(['network', 'code'])
    .where('person_id', '=', personId)
    .where('post_key', '=', postKey)
    .where('network', 'in', networks)
    .execute();
  return new Map(rows.map((row) => [row.network, row.code]));
}

export interface LinkTarget {
  readonly postKey: string;
  readonly network: Network;
}

const CACHE_SIZE = 50_000;

/**
 * A code never changes the post and network it points to, so a redirect can be answered from memory.
 * (Its person can change, in a merge: the click recorder looks that up when it writes.)
 */
export class LinkResolver {
  readonly #cache = new Map<string, LinkTarget>();

  constructor(private readonly db: Db) {}

  async resolve(code: string): Promise<LinkTarget | null> {
    const cached = this.#cache.get(code);
    if (cached) return cached;
    // A code of a person merged into another may have become an alias of the kept person's link.
    const row =
      (await this.db
        .selectFrom('tracked_links')
        .select(['post_key', 'network'])
        .where('code', '=', code)
        .executeTakeFirst()) ??
      (await this.db
        .selectFrom('merged_links')
        .innerJoin('tracked_links', 'tracked_links.code', 'merged_links.into_code')
        .select(['tracked_links.post_key', 'tracked_links.network'])
        .where('merged_links.code', '=', code)
        .executeTakeFirst());
    if (!row) return null;
    const target = { postKey: row.post_key, network: row.network };
    if (this.#cache.size >= CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value ?? '');
    this.#cache.set(code, target);
    return target;
  }
}
