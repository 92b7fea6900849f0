/**
 * A contest draw: one winner among the people with a standing share made in a date range (of one of
 * the feeds' posts, once the organisation has feeds). The draw is reproducible (the same seed and the
 * same candidates give the same winner) and every draw is kept with its seed and a digest of the
 * candidate list, so anyone can check it afterwards.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../database.ts';
import { organisationHasFeeds } from '../shares/known-posts.ts';

export interface DrawRequest {
  /** YYYY-MM-DD, inclusive, in UTC. */
  readonly from: string;
  readonly to: string;
  /** Empty or absent: a random seed, recorded with the draw. */
  readonly seed?: string;
}

export interface DrawRecord {
  readonly id: number;
  readonly drawnAt: string;
  readonly from: string;
  readonly to: string;
  readonly seed: string;
  readonly candidates: number;
  readonly candidatesDigest: string;
  readonly winner: string | null;
}

/** The winner's index: SHA-256 of seed and candidate digest, read as a 48-bit number, modulo the count. */
export function pickIndex(seed: string, candidatesDigest: string, count: number): number {
  const digest = createHash('sha256').update(`${seed}\u0000${candidatesDigest}`).digest();
  return digest.readUIntBE(0, 6) % count;
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

export async function drawWinner(db: Db, request: DrawRequest, now = new Date()): Promise<DrawRecord> {
  const seed = request.seed?.trim() || randomBytes(8).toString('hex');
  const candidates = await db
    .selectFrom('share_states')
    .innerJoin('people', 'people.id', 'share_states.person_id')
    .select(['people.id', 'people.display_name'])
    .distinct()
    .where('share_states.shared', '=', 1)
    .where('people.deactivated_at', 'is', null)
    .where('share_states.shared_at', '>=', `${request.from}T00:00:00`)
    .where('share_states.shared_at', '<', nextDay(request.to))
    // Once the organisation has feeds, only shares of their posts take part.
    .$if(await organisationHasFeeds(db), (query) =>
      query.where('share_states.post_key', 'in', db.selectFrom('posts').select('posts.link')),
    )
    .orderBy('people.id')
    .execute();
  const candidatesDigest = createHash('sha256')
    .update(candidates.map((person) => String(person.id)).join(','))
    .digest('hex');
  const winner = candidates.length > 0 ? candidates[pickIndex(seed, candidatesDigest, candidates.length)] : undefined;
  const row = await db
    .insertInto('draws')
    .values({
      drawn_at: now.toISOString(),
      from_day: request.from,
      to_day: request.to,
      seed,
      candidates: candidates.length,
      candidates_digest: candidatesDigest,
      winner_person_id: winner?.id ?? null,
      winner_name: winner?.display_name ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    drawnAt: now.toISOString(),
    from: request.from,
    to: request.to,
    seed,
    candidates: candidates.length,
    candidatesDigest,
    winner: winner?.display_name ?? null,
  };
}

export async function listDraws(db: Db, limit = 50): Promise<DrawRecord[]> {
  const rows = await db.selectFrom('draws').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    drawnAt: row.drawn_at,
    from: row.from_day,
    to: row.to_day,
    seed: row.seed,
    candidates: row.candidates,
    candidatesDigest: row.candidates_digest,
    winner: row.winner_name,
  }));
}
