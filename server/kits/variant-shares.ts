/** Which of a kit's wordings people shared a post with: the dashboard's count per variant. */
import { NETWORKS, type Network } from '../../common/domain.ts';
import { MAX_VARIANTS } from '../../common/share/variants.ts';
import type { Db, DbNumber } from '../database.ts';

export interface VariantShares {
  readonly network: Network;
  /** Null for shares from desktops before variants (or made without a kit's wording). */
  readonly variant: number | null;
  /** People who have the post standing shared on that network, having started from this wording. */
  readonly people: number;
}

/**
 * Counted from the share states (a take-back removes one, as everywhere), each by the variant of the
 * event that decides it: the person's newest share of the post on that network.
 */
export async function sharesByVariant(db: Db, postKey: string): Promise<VariantShares[]> {
  const rows = await db
    .selectFrom('share_states as state')
    .innerJoin('share_events as event', 'event.id', 'state.last_event_id')
    .where('state.post_key', '=', postKey)
    .where('state.shared', '=', 1)
    .select((eb) => ['state.network', 'event.variant', eb.fn.countAll<DbNumber>().as('people')])
    .groupBy(['state.network', 'event.variant'])
    .execute();
  // Sorted here: SQLite puts NULL first and PostgreSQL last. Networks in their usual order, unrecorded last.
  const order = (row: { network: Network; variant: number | null }) =>
    NETWORKS.indexOf(row.network) * (MAX_VARIANTS + 1) + (row.variant ?? MAX_VARIANTS + 1);
  return rows
    .map((row) => ({ network: row.network, variant: row.variant, people: Number(row.people) }))
    .sort((a, b) => order(a) - order(b));
}
