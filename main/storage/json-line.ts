/**
 * One line of a JSON-lines file (the share journal, the share archive) as an object, or null for any
 * other line: invalid JSON here is a line a crash tore mid-write.
 */
export function jsonObjectOf(line: string): Readonly<Record<string, unknown>> | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
