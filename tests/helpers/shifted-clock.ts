/**
 * Moves the wall clock of a Node process by ADVOCATE_CLOCK_OFFSET_MS, for `.ci/at-time`, which loads this file
 * first in every Node process it starts (NODE_OPTIONS=--import). Loaded before vitest, its workers, jsdom and
 * @sinonjs/fake-timers, it is the Date all of them take for the real one: `vi.setSystemTime` and fake timers work
 * as usual on top of it, and `vi.useRealTimers()` comes back to it. Only the wall clock moves; it runs on at its
 * real pace, so timeouts measured with Date still end, and timers and `performance.now()` are left alone. Processes
 * a test starts inherit the variable and agree with their parent to the millisecond.
 */
const offset = Number(process.env['ADVOCATE_CLOCK_OFFSET_MS']);
if (!Number.isSafeInteger(offset)) {
  throw new Error(`ADVOCATE_CLOCK_OFFSET_MS must be a whole number of milliseconds, not "${String(offset)}"`);
}

const RealDate = Date;
const now = (): number => RealDate.now() + offset;

// A function, not a class: `Date()` called without new must still give the time as a string.
function ShiftedDate(this: unknown, ...parts: unknown[]): unknown {
  // TypeScript types new.target as always set; it is undefined on a plain call.
  const target: unknown = new.target;
  if (target === undefined) return new RealDate(now()).toString();
  return Reflect.construct(RealDate, parts.length === 0 ? [now()] : parts, new.target);
}
// One prototype for both, so `instanceof Date` holds for dates made before this ran or by Node itself.
ShiftedDate.prototype = RealDate.prototype;
Object.setPrototypeOf(ShiftedDate, RealDate);
Object.defineProperties(ShiftedDate, {
  name: { value: 'Date' },
  length: { value: RealDate.length },
  now: { value: now, writable: true, configurable: true },
});
Object.defineProperty(RealDate.prototype, 'constructor', { value: ShiftedDate, writable: true, configurable: true });
globalThis.Date = ShiftedDate as unknown as DateConstructor;
