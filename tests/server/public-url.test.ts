/**
 * `--public-url`: where people and WebSub hubs reach the endpoint. https is taken (a trailing "/"
 * added); plain http only on 127.0.0.1 (tests on one machine); anything else is refused by the
 * command in one line, before it opens the database.
 */
import { describe, expect, it } from 'vitest';
import { readPublicUrl } from '../../server/http/public-url.ts';
import { runTsx } from '../helpers/spawn-command.ts';

describe('--public-url', () => {
  it('takes https addresses and http on 127.0.0.1, ending each with "/"', () => {
    expect(readPublicUrl('https://advocate.example.com')).toBe('https://advocate.example.com/');
    expect(readPublicUrl('https://example.com/advocate/')).toBe('https://example.com/advocate/');
    expect(readPublicUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/');
    expect(readPublicUrl('')).toBeNull();
  });

  it.each([
    ['plain http elsewhere', 'http://advocate.example.com/'],
    ['http on another loopback name', 'http://localhost:8787/'],
    ['another scheme', 'ftp://advocate.example.com/'],
    ['a password in it', 'https://user:pw@advocate.example.com/'],
    ['a query', 'https://advocate.example.com/?a=1'],
    ['no address at all', 'advocate.example.com'],
  ])('refuses %s', (_what, text) => {
    expect(() => readPublicUrl(text)).toThrow(/^must be an https address like https:\/\/advocate\.example\.com\//);
  });

  it('makes the endpoint refuse to start in one line that names the flag, with exit code 2', async () => {
    const run = await runTsx('server/cli.ts', ['--db', '/nonexistent/never-opened.sqlite'], {
      ADVOCATE_PUBLIC_URL: 'http://advocate.example.com/',
    });
    expect(run.code).toBe(2);
    expect(run.output.trim().split('\n')).toEqual([
      '--public-url (or ADVOCATE_PUBLIC_URL): must be an https address like https://advocate.example.com/ (http only as http://127.0.0.1:PORT/ for tests), got http://advocate.example.com/',
    ]);
  });
});
