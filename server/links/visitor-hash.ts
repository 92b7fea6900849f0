/**
 * Unique visitors without storing who they are: a hash of IP address and user agent with a random salt
 * for one UTC day. The salt is kept in the database so every replica hashes a visitor alike; the salts
 * of past days are deleted, and once a day's salt is gone nobody (not even this server) can link a
 * hash back to an address, or a visitor's hash on one day to the next.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../database.ts';

export class VisitorHasher {
  #day = '';
  #salt: Promise<string> | null = null;

  constructor(private readonly db: Db) {}

  async hash(ip: string, userAgent: string, now: Date): Promise<string> {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.#day || this.#salt === null) {
      this.#day = day;
      this.#salt = this.#saltOf(day);
      // A failed read is not kept: the next click asks the database again.
      this.#salt.catch(() => {
        if (this.#day === day) this.#salt = null;
      });
    }
    return createHash('sha256')
      .update(await this.#salt)
      .update(ip)
      .update('\u0000')
      .update(userAgent)
      .digest('base64url')
      .slice(0, 22);
  }

  /** The day's salt: whichever replica writes it first makes it, the others read it. */
  async #saltOf(day: string): Promise<string> {
    await this.db
      .insertInto('visitor_salts')
      .values({ day, salt: randomBytes(32).toString('base64url') })
      .onConflict((conflict) => conflict.column('day').doNothing())
      .execute();
    await this.db.deleteFrom('visitor_salts').where('day', '<', day).execute();
    const row = await this.db
      .selectFrom('visitor_salts')
      .select('salt')
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    return row.salt;
  }
}
