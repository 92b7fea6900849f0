/**
 * The organisation's channels: added after their address is checked (channel-address.ts), listed with
 * what was sent to them, removed with their ledger. A webhook's signing key is made here and shown
 * once, when the channel is added.
 */
import { checkName } from '../../common/names.ts';
import type { Selectable } from 'kysely';
import type { ChannelKind, ChannelsTable, Db } from '../database.ts';
import { newToken } from '../security/secrets.ts';
import { checkChannelAddress } from './channel-address.ts';

export interface ChannelInput {
  readonly kind: ChannelKind;
  readonly name: string;
  readonly url: string;
  /** Team names; none: every post. */
  readonly teams: readonly string[];
}

export interface Channel {
  readonly id: number;
  readonly kind: ChannelKind;
  readonly name: string;
  readonly url: string;
  readonly secret: string | null;
  readonly teams: readonly string[];
  readonly createdAt: string;
}

export interface ChannelHealth extends Channel {
  readonly sent: number;
  /** Waiting for their first try, or for a retry. */
  readonly waiting: number;
  /** Stopped: the receiver refused them, or 24 hours of retries ran out. */
  readonly failed: number;
  /** The receiver's last answer to a stopped post, in words. */
  readonly lastFailure: string | null;
}

export type AddChannelResult =
  { readonly ok: true; readonly channel: Channel } | { readonly ok: false; readonly reason: string };

const MAX_TEAMS = 50;

/** Team names from a comma-separated list, each by the names rule; duplicates once. */
export function readTeamList(text: string): { teams: string[] } | { problem: string } {
  const teams: string[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const name = checkName(part);
    if (!name.ok) return { problem: `team “${part.trim()}” ${name.reason}` };
    if (!teams.some((team) => team.toLowerCase() === name.value.toLowerCase())) teams.push(name.value);
  }
  if (teams.length > MAX_TEAMS) return { problem: `at most ${String(MAX_TEAMS)} teams` };
  return { teams };
}

/** Adds the channel, or says why not (nothing is stored then). */
export async function addChannel(
  db: Db,
  input: ChannelInput,
  options: { readonly allowLocal?: boolean; readonly now?: Date } = {},
): Promise<AddChannelResult> {
  const name = checkName(input.name);
  if (!name.ok) return { ok: false, reason: `The channel was not added: its name ${name.reason}` };
  const address = checkChannelAddress(input.kind, input.url, options.allowLocal ?? false);
  if ('problem' in address) return { ok: false, reason: `The channel was not added: ${address.problem}` };
  const row = await db
    .insertInto('channels')
    .values({
      kind: input.kind,
      name: name.value,
      url: address.url,
      secret: input.kind === 'webhook' ? newToken() : null,
      teams: JSON.stringify(input.teams),
      created_at: (options.now ?? new Date()).toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ok: true, channel: fromRow(row) };
}

/** Removes the channel and its ledger; false when there was no such channel. */
export async function removeChannel(db: Db, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('channel_deliveries').where('channel_id', '=', id).execute();
    const { numDeletedRows } = await trx.deleteFrom('channels').where('id', '=', id).executeTakeFirst();
    return numDeletedRows > 0n;
  });
}

type ChannelRow = Selectable<ChannelsTable>;

const fromRow = (row: ChannelRow): Channel => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  url: row.url,
  secret: row.secret,
  teams: JSON.parse(row.teams) as string[],
  createdAt: row.created_at,
});

export async function getChannel(db: Db, id: number): Promise<Channel | null> {
  const row = await db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Every channel in the order they were added, with the counts of its ledger. */
export async function listChannels(db: Db): Promise<ChannelHealth[]> {
  const channels = await db.selectFrom('channels').selectAll().orderBy('id').execute();
  const counts = await db
    .selectFrom('channel_deliveries')
    .select(['channel_id', 'state', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['channel_id', 'state'])
    .execute();
  const failures = await db
    .selectFrom('channel_deliveries')
    .select(['channel_id', 'last_answer', 'next_attempt_at'])
    .where('state', '=', 'failed')
    .orderBy('next_attempt_at', 'desc')
    .execute();
  const count = (id: number, states: readonly string[]): number =>
    counts
      .filter((row) => row.channel_id === id && states.includes(row.state))
      .reduce((sum, row) => sum + Number(row.n), 0);
  return channels.map((row) => ({
    ...fromRow(row),
    sent: count(row.id, ['sent']),
    waiting: count(row.id, ['pending', 'sending']),
    failed: count(row.id, ['failed']),
    lastFailure: failures.find((failure) => failure.channel_id === row.id)?.last_answer ?? null,
  }));
}
