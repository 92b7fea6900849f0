/**
 * The address people and WebSub hubs reach the endpoint at (`--public-url`): https, since hubs and
 * browsers are told to call it; plain http only on 127.0.0.1, for a test on one machine. Kept with a
 * trailing "/" so links resolve under it.
 */
export function readPublicUrl(text: string): string | null {
  if (text.trim() === '') return null;
  const example = 'an https address like https://advocate.example.com/ (http only as http://127.0.0.1:PORT/ for tests)';
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`must be ${example}, got ${text}`);
  }
  const loopback = url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if (
    !(url.protocol === 'https:' || loopback) ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  )
    throw new Error(`must be ${example}, got ${text}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
