/**
 * Keeps secrets and people's words out of logs and diagnostics: values under secret-sounding keys
 * (tokens, codes, passwords, cookies) and text fields (message texts, pitches, bodies) are replaced,
 * and strings lose bearer tokens, URL passwords and secret-looking query parameters.
 */
export const REDACTED = '[redacted]';

const SECRET_KEY =
  /token|secret|password|passwd|authori[sz]ation|cookie|credential|code|session|api_?key|private_?key/i;
const TEXT_KEY = /text|body|pitch|message|comment|note/i;
const SECRET_QUERY =
  /([?&#;][^=&#\s]*(?:token|key|secret|code|sig|signature|auth|password|session)[^=&#\s]*=)[^&#\s]*/gi;
const MAX_DEPTH = 5;

export function redactText(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`)
    .replace(/(\/\/)[^/@\s:]+:[^/@\s]+@/g, `$1${REDACTED}@`)
    .replace(SECRET_QUERY, `$1${REDACTED}`);
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redactText(value.message);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.map((item: unknown) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) || TEXT_KEY.test(key) ? REDACTED : redact(item, depth + 1),
    ]),
  );
}
