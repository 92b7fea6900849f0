/**
 * Keeps trying for a job's lease and renews it while it is held, a third of the lease's length
 * apart: with the default 30 s a dead holder's job is taken over within 40 s. `isHeld()` turns false
 * on this replica's own clock as soon as a renewal has not succeeded in time (the database away, say),
 * before any other replica can take the lease, so two never work on one job at once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../database.ts';
import { acquireLease, releaseLease, type Lease } from './lease.ts';

export const DEFAULT_LEASE_SECONDS = 30;

/** This process, as a lease holder: host, process id, and a random part against reused ids. */
export const replicaId = (): string => `${hostname()}:${String(process.pid)}:${randomBytes(3).toString('hex')}`;

export interface LeaseKeeperOptions {
  readonly job: string;
  readonly holder: string;
  readonly seconds?: number;
  /** Told when this replica starts or stops holding the lease. */
  readonly onChange?: (held: Lease | null) => void;
  readonly onError?: (error: unknown) => void;
}

export class LeaseKeeper {
  readonly #seconds: number;
  #timer: NodeJS.Timeout | null = null;
  #lease: Lease | null = null;
  /** performance.now() until which the lease is surely ours: its length, counted from before we asked. */
  #heldUntil = 0;
  #stopped = false;

  constructor(
    private readonly db: Db,
    private readonly options: LeaseKeeperOptions,
  ) {
    this.#seconds = options.seconds ?? DEFAULT_LEASE_SECONDS;
  }

  start(): void {
    void this.#tick();
  }

  isHeld(): boolean {
    return this.#lease !== null && performance.now() < this.#heldUntil;
  }

  /** The lease as last granted, while it is held. */
  lease(): Lease | null {
    return this.isHeld() ? this.#lease : null;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#lease === null) return;
    this.#set(null);
    await releaseLease(this.db, this.options.job, this.options.holder).catch(this.options.onError);
  }

  async #tick(): Promise<void> {
    const askedAt = performance.now();
    try {
      const lease = await acquireLease(this.db, this.options.job, this.options.holder, this.#seconds);
      if (this.#stopped) {
        // stop() ran while we asked: give back what we may just have been granted.
        if (lease) await releaseLease(this.db, this.options.job, this.options.holder);
        return;
      }
      if (lease) this.#heldUntil = askedAt + this.#seconds * 1000;
      this.#set(lease);
    } catch (error) {
      this.options.onError?.(error);
      if (!this.isHeld()) this.#set(null);
    }
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#tick(), (this.#seconds * 1000) / 3);
    this.#timer.unref();
  }

  #set(lease: Lease | null): void {
    const changed = (lease === null) !== (this.#lease === null) || lease?.generation !== this.#lease?.generation;
    this.#lease = lease;
    if (changed) this.options.onChange?.(lease);
  }
}
