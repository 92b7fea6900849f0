/**
 * Images the window may load: https only (the CSP allows nothing else from outside, and a plain-http
 * image would be blocked and logged as a violation) and of a sane length.
 */
const MAX_IMAGE_URL_LENGTH = 2048;

export function safeImageUrl(url: string | null): string | null {
  if (url === null || url.length > MAX_IMAGE_URL_LENGTH) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
