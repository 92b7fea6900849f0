/**
 * The window's own origin, app://advocate/, served from the built renderer folder. A custom protocol
 * rather than file:// because: the page gets a real origin (file:// pages share one opaque origin, and
 * 'self' in a CSP then matches any local file); every response carries the CSP and nosniff headers,
 * which file:// cannot send; only files inside out/renderer can be reached; and the IPC sender check
 * compares a single exact origin instead of a file path.
 */
import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.ts';
import { readStaticFile } from './static-files.ts';

export const APP_SCHEME = 'app';
const APP_HOST = 'advocate';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether an address is on the window's own origin. Compared by scheme and host: Chromium knows app: as a
 * standard scheme, but Node's URL parser gives custom schemes an opaque origin ("null").
 */
export function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** The same for an address as text, which may be missing or not parse at all. */
export function isAppAddress(address: string | undefined): boolean {
  if (!address) return false;
  try {
    return isAppUrl(new URL(address));
  } catch {
    return false;
  }
}

/** Standard (relative URLs, storage) and secure (a secure context), with fetch; nothing that loosens CSP. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
} as const;

const refuse = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });

export async function appProtocolResponse(
  rendererDir: string,
  request: Pick<Request, 'url' | 'method'>,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, 'bad address');
  }
  if (!isAppUrl(url)) return refuse(404, 'not found');
  const file = await readStaticFile(rendererDir, url.pathname);
  if (!file) return refuse(404, 'not found');
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'content-type': file.contentType },
  });
}
