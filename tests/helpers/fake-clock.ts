/** A Clock for tests: time moves only when the test says, and timers fire in order as it passes. */
import type { Clock } from '../../main/core/ports.ts';

export class FakeClock implements Clock {
  #now: number;
  #timers: { at: number; callback: () => void }[] = [];

  constructor(start = Date.parse('2026-03-02T09:00:00Z')) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimer(callback: () => void, delayMs: number): () => void {
    const timer = { at: this.#now + delayMs, callback };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((candidate) => candidate !== timer);
    };
  }

  /** When the next timer is due, or null when none is set. */
  nextTimerAt(): number | null {
    return this.#timers.length === 0 ? null : Math.min(...this.#timers.map((timer) => timer.at));
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (let next = this.nextTimerAt(); next !== null && next <= target; next = this.nextTimerAt()) {
      const due = this.#timers.filter((timer) => timer.at === next);
      this.#timers = this.#timers.filter((timer) => timer.at !== next);
      this.#now = next;
      for (const timer of due) timer.callback();
    }
    this.#now = target;
  }
}
