/**
 * Unique visitors without storing who they are: a hash of IP address and user agent with a random salt
 * that lives in memory for one UTC day. Once the day's salt is gone, nobody (not even this server) can
 * link a hash back to an address, or a visitor's hash on one day to the next.
 */
import { createHash, randomBytes } from 'node:crypto';

export class VisitorHasher {
  #day = '';
  #salt = Buffer.alloc(0);

  hash(ip: string, userAgent: string, now: Date): string {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#day = day;
      this.#salt = randomBytes(32);
    }
    return createHash('sha256')
      .update(this.#salt)
      .update(ip)
      .update('\u0000')
      .update(userAgent)
      .digest('base64url')
      .slice(0, 22);
  }
}
