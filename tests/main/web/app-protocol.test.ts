/** app://advocate/ over a real folder: files inside with the CSP header, nothing outside, no other host or method. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../common/content-security-policy.ts';
import { APP_INDEX_URL, appProtocolResponse, isAppUrl } from '../../../main/web/app-protocol.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

let root: string;
let rendererDir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  const dir = await makeTempDir();
  ({ path: root, remove } = dir);
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside');
});
afterAll(() => remove());

const get = (url: string, method = 'GET') => appProtocolResponse(rendererDir, { url, method });

describe('app:// protocol', () => {
  it('serves the page and its assets with their type and the security headers', async () => {
    const page = await get(APP_INDEX_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><div id="root"></div>');
    const script = await get('app://advocate/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await get('app://advocate/', 'HEAD')).text()).toBe('');
  });

  it.each([
    ['a file above the folder, encoded', 'app://advocate/..%2fsecret.txt'],
    ['a file above the folder, dotted', 'app://advocate/%2e%2e/secret.txt'],
    ['a missing file', 'app://advocate/nope.js'],
    ['another host', 'app://other/index.html'],
    ['credentials in the address', 'app://me:pw@advocate/index.html'],
    ['a NUL byte', 'app://advocate/index.html%00.js'],
  ])('answers 404 for %s, with the CSP still on', async (_case, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses writes', async () => {
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
  });

  it('knows its own origin by scheme and host, as Node sees custom schemes as opaque', () => {
    expect(new URL(APP_INDEX_URL).origin).toBe('null');
    expect(isAppUrl(new URL(APP_INDEX_URL))).toBe(true);
    expect(isAppUrl(new URL('app://advocate.evil.example/index.html'))).toBe(false);
    expect(isAppUrl(new URL('https://advocate/index.html'))).toBe(false);
  });
});
