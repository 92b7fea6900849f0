/**
 * Runs a test in a given local time zone, then puts the process's own back: Node applies a change of
 * `process.env.TZ` at once to Date's local getters. Intl formatters made before keep the zone they were
 * made in, so what such a test asserts must not come from one.
 */
export function inTimeZone<T>(zone: string, test: () => T): T {
  const previous = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return test();
  } finally {
    if (previous === undefined) delete process.env['TZ'];
    else process.env['TZ'] = previous;
  }
}
