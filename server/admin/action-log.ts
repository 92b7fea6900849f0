/**
 * The admin action log: every change an admin makes to people, codes and devices, from the dashboard
 * or the command line, written in the transaction that makes the change, so the log and the data agree.
 */
import type { Kysely } from 'kysely';
import type { Database, Db } from '../database.ts';

export type Actor = 'dashboard' | 'command line';

export type AdminAction =
  'rename' | 'change team' | 'deactivate' | 'reactivate' | 'merge' | 'create code' | 'revoke code' | 'revoke device';

export interface LoggedAction {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly detail: string;
}

export interface ActionEntry {
  readonly actor: Actor;
  readonly action: AdminAction;
  /** What it was done to, in words: "person 12 (Ada Lovelace)". */
  readonly target: string;
  /** What changed: "name “Ada” → “Ada Lovelace”". */
  readonly detail: string;
}

export async function logAction(db: Kysely<Database>, entry: ActionEntry, now: Date): Promise<void> {
  await db
    .insertInto('admin_actions')
    .values({ at: now.toISOString(), ...entry })
    .execute();
}

/** The newest first. */
export async function listActions(db: Db, limit: number): Promise<LoggedAction[]> {
  return db.selectFrom('admin_actions').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export const personLabel = (person: { readonly id: number; readonly displayName: string }): string =>
  `person ${String(person.id)} (${person.displayName})`;
