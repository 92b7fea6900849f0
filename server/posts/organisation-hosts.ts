/**
 * The organisation's sites: the only hosts the endpoint hands out tracked links for, counts shares of
 * and redirects to, so a code on the company's domain can never send people somewhere else.
 *
 * The hosts are the configured list (`--post-hosts`, ADVOCATE_POST_HOSTS) and what `HostSource`s add: the
 * endpoint's own feeds and their posts (server/feeds/feed-hosts.ts).
 */

/** More hosts the organisation owns, read when a URL is checked (they may change while serving). */
export type HostSource = () => Promise<Iterable<string>>;

const HOST_LIST_EXAMPLE = '--post-hosts blog.example.com,www.example.com';

/**
 * One host as IT writes it (`blog.example.com`, `*.example.com` for every subdomain, an IP address) in
 * the form `new URL` gives hostnames: lower case, punycode, IPv6 in brackets. Throws naming the entry.
 */
export function readHostEntry(entry: string): string {
  const wildcard = entry.startsWith('*.');
  const host = wildcard ? entry.slice(2) : entry;
  const problem = new RangeError(
    `"${entry}" is not a host name: write only the host, like blog.example.com or *.example.com (no scheme, port or path)`,
  );
  // Outside an IPv6 address's brackets, any of these means more than a host was written.
  if (host === '' || /[/?#@\\*]|:\d*$/.test(host.replace(/^\[[^\]]*\]$/, ''))) throw problem;
  try {
    const { hostname } = new URL(`http://${host}/`);
    return wildcard ? `*.${hostname}` : hostname;
  } catch {
    throw problem;
  }
}

/** A comma- or space-separated list, as the flag and the environment variable take it. */
export function readHostList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .filter((entry) => entry.length > 0)
    .map(readHostEntry);
}

export class OrganisationHosts {
  readonly #exact = new Set<string>();
  readonly #suffixes: string[] = [];

  constructor(
    configured: readonly string[],
    private readonly sources: readonly HostSource[] = [],
  ) {
    for (const entry of configured.map(readHostEntry)) {
      if (entry.startsWith('*.')) this.#suffixes.push(entry.slice(1));
      else this.#exact.add(entry);
    }
  }

  /** Whether any host is listed or a source has some now; without, nothing can be shared yet. */
  async #configured(): Promise<boolean> {
    if (this.#exact.size > 0 || this.#suffixes.length > 0) return true;
    for (const source of this.sources) if ([...(await source())].length > 0) return true;
    return false;
  }

  #listed(hostname: string): boolean {
    return this.#exact.has(hostname) || this.#suffixes.some((suffix) => hostname.endsWith(suffix));
  }

  async isOrganisationUrl(url: URL): Promise<boolean> {
    if (this.#listed(url.hostname)) return true;
    for (const source of this.sources) {
      for (const host of await source()) if (host === url.hostname) return true;
    }
    return false;
  }

  /** Why a post URL is not one of the organisation's, in words for the person and for IT; null when it is. */
  async refusal(url: URL): Promise<string | null> {
    if (await this.isOrganisationUrl(url)) return null;
    if (!(await this.#configured()))
      return `the endpoint does not know the organisation's sites yet, so it takes no shares or links; IT adds the blog's feed (npm run server:admin -- add-feed <url>) or starts it with ${HOST_LIST_EXAMPLE} (or ADVOCATE_POST_HOSTS)`;
    return `${url.hostname} is not one of the organisation's sites`;
  }
}
