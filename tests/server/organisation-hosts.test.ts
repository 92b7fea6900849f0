/** The organisation's sites as IT lists them: what an entry matches, and entries that are refused at start. */
import { describe, expect, it } from 'vitest';
import { OrganisationHosts, readHostList } from '../../server/posts/organisation-hosts.ts';

const allows = (hosts: OrganisationHosts, url: string) => hosts.isOrganisationUrl(new URL(url));

describe('the organisation hosts list', () => {
  it('reads entries separated by commas or spaces, in lower case and punycode', () => {
    expect(readHostList(' Blog.Example.com, *.Example.org  bücher.example [::1] 10.0.0.5 ')).toEqual([
      'blog.example.com',
      '*.example.org',
      'xn--bcher-kva.example',
      '[::1]',
      '10.0.0.5',
    ]);
    expect(readHostList('')).toEqual([]);
  });

  it('refuses an entry that is more than a host (a scheme, a port, a path, a user, a bare wildcard)', () => {
    for (const entry of [
      'https://blog.example.com',
      'blog.example.com:8080',
      'blog.example.com/posts',
      'ada@blog.example.com',
      '*',
      '*.',
      'blog.*.com',
      'bad%host',
    ]) {
      expect(() => readHostList(entry), entry).toThrow(`"${entry}" is not a host name`);
    }
  });

  it('matches exactly, or every subdomain under *., never a host that only ends the same way', async () => {
    const hosts = new OrganisationHosts(['blog.example.com', '*.example.org']);
    expect(await allows(hosts, 'https://blog.example.com/a')).toBe(true);
    expect(await allows(hosts, 'http://blog.example.com:8080/a')).toBe(true);
    expect(await allows(hosts, 'https://news.example.org/a')).toBe(true);
    expect(await allows(hosts, 'https://a.b.example.org/a')).toBe(true);
    expect(await allows(hosts, 'https://example.org/a')).toBe(false);
    expect(await allows(hosts, 'https://evilexample.org/a')).toBe(false);
    expect(await allows(hosts, 'https://www.blog.example.com/a')).toBe(false);
    expect(await allows(hosts, 'https://blog.example.com.evil.example/a')).toBe(false);
  });

  it('takes the hosts a source adds (where the feeds will add theirs)', async () => {
    const hosts = new OrganisationHosts([], [() => Promise.resolve(['feeds.example.net'])]);
    expect(await allows(hosts, 'https://feeds.example.net/p')).toBe(true);
    expect(await hosts.refusal(new URL('https://evil.example/'))).toBe(
      "evil.example is not one of the organisation's sites",
    );
  });
});
