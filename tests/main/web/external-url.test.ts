/** What may be handed to the operating system: mail links, and web links to the allowed hosts only. */
import { describe, expect, it } from 'vitest';
import { IpcRequestError } from '../../../main/ipc/ipc-request-error.ts';
import { checkExternalUrl, requireExternalUrl } from '../../../main/web/external-url.ts';

const hosts = new Set(['x.com', 'intranet.example', 'blog.example.com']);
const notOurs = (host: string): string =>
  `${host} was not opened: the app opens only the networks' share pages, your organisation's sites and your Mastodon server`;

describe('external links', () => {
  it.each([
    [
      'https://x.com/intent/tweet?text=Hello&url=https%3A%2F%2Fblog.example.com%2F',
      'https://x.com/intent/tweet?text=Hello&url=https%3A%2F%2Fblog.example.com%2F',
    ],
    ['http://intranet.example/post', 'http://intranet.example/post'],
    ['mailto:?subject=Read&body=This', 'mailto:?subject=Read&body=This'],
    ['HTTPS://Blog.Example.com/a b', 'https://blog.example.com/a%20b'],
    ['https://blog.example.com:8443/on-another-port', 'https://blog.example.com:8443/on-another-port'],
  ])('opens %s (as parsed)', (raw, opened) => {
    expect(checkExternalUrl(raw, hosts)).toEqual({ ok: true, value: opened });
  });

  it.each([
    [
      'javascript:',
      'javascript:alert(document.cookie)',
      'javascript: links are never opened; only web and email links are',
    ],
    [
      'javascript: with odd case and spaces',
      ' JavaScript:alert(1)',
      'javascript: links are never opened; only web and email links are',
    ],
    ['file:', 'file:///C:/Windows/System32/calc.exe', 'file: links are never opened; only web and email links are'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD4=', 'data: links are never opened; only web and email links are'],
    ['an unknown scheme', 'ms-msdt:/id PCWDiagnostic', 'ms-msdt: links are never opened; only web and email links are'],
    ['a custom app scheme', 'app://advocate/index.html', 'app: links are never opened; only web and email links are'],
    ['a relative address', '/etc/passwd', 'the link is not a valid address'],
    ['web without a host', 'https://', 'the link is not a valid address'],
    ['not text', 42, 'the link is not text'],
    ['something huge', `https://example.com/${'a'.repeat(17 * 1024)}`, 'the link is too long'],
    ['a site that is not the organisation’s', 'https://evil.example/phish', notOurs('evil.example')],
    [
      'an allowed host as user name before another host',
      'https://blog.example.com@evil.example/',
      notOurs('evil.example'),
    ],
    [
      'an allowed host as a prefix of another',
      'https://blog.example.com.evil.example/',
      notOurs('blog.example.com.evil.example'),
    ],
    ['a look-alike host in other letters (punycode)', 'https://blоg.example.com/', notOurs('xn--blg-ted.example.com')],
  ])('refuses %s, saying why', (_case, raw, reason) => {
    expect(checkExternalUrl(raw, hosts)).toEqual({ ok: false, reason });
  });

  it('throws the reason as a message for the window', () => {
    expect(() => requireExternalUrl('file:///etc/passwd', hosts)).toThrow(
      new IpcRequestError('file: links are never opened; only web and email links are'),
    );
    expect(() => requireExternalUrl('https://evil.example/', hosts)).toThrow(
      new IpcRequestError(notOurs('evil.example')),
    );
  });
});
