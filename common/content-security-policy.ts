/**
 * The tray window's Content Security Policy. The build writes it into index.html, the app sends it as a
 * header, and the preview serves it too, so the window runs under the same rules everywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
