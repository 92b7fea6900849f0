/** Readers for the few HTTP headers the feed engine acts on. Pure, so each edge case is testable alone. */

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Cache-Control max-age in milliseconds; null when absent, or when no-store/no-cache make it meaningless. */
export function parseMaxAge(value: string | null): number | null {
  if (!value || /\bno-(store|cache)\b/i.test(value)) return null;
  const match = /(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i.exec(value);
  return match?.[1] ? Number(match[1]) * 1000 : null;
}

/** The charset parameter of a Content-Type header, lower-cased, or null. */
export function charsetOf(contentType: string | null): string | null {
  const match = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase() ?? null;
}
