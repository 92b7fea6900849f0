/**
 * Where a feed says it is pushed from (WebSub, W3C Recommendation 2018, section 4 "Discovery"): a hub
 * (`rel="hub"`) and the feed's own canonical address (`rel="self"`, the topic a subscriber names).
 * HTTP Link headers come first, then the links inside the document, as the recommendation orders them.
 * Only http(s) addresses count; the first hub wins. No `self` anywhere: the address the feed came from.
 */

/** A feed's WebSub hub and topic, both absolute http(s) addresses. */
export interface WebSubLinks {
  readonly hub: string;
  readonly topic: string;
}

/** Link addresses by relation, as found (unresolved): the header's, or the document's. */
export interface FoundLinks {
  readonly hubs: readonly string[];
  readonly self: string | null;
}

export const NO_LINKS: FoundLinks = { hubs: [], self: null };

/**
 * RFC 8288 Link header values: `<https://hub.example/>; rel="hub", <https://blog/feed>; rel="self"`.
 * A `rel` may list several relations separated by spaces.
 */
export function linksFromHeader(value: string | null): FoundLinks {
  if (!value) return NO_LINKS;
  const hubs: string[] = [];
  let self: string | null = null;
  for (const match of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const target = match[1]?.trim() ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (relations.includes('hub')) hubs.push(target);
    if (relations.includes('self') && self === null) self = target;
  }
  return { hubs, self };
}

/** `<link rel="…" href="…">` elements (Atom, or atom:link inside RSS), as xml2js gives their attributes. */
export function linksFromElements(elements: readonly { rel: string | null; href: string | null }[]): FoundLinks {
  const withRel = (name: string): string[] =>
    elements
      .filter((element) => (element.rel ?? '').toLowerCase().split(/\s+/).includes(name))
      .map((element) => element.href)
      .filter((href): href is string => href !== null);
  return { hubs: withRel('hub'), self: withRel('self')[0] ?? null };
}

const absoluteHttp = (link: string | null, base: string): string | null => {
  if (!link?.trim()) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
};

/** The header's links win over the document's; relative ones resolve against where the feed came from. */
export function webSubLinks(header: FoundLinks, document: FoundLinks, feedUrl: string): WebSubLinks | null {
  const source = header.hubs.length > 0 ? header : document;
  const hub = source.hubs.map((link) => absoluteHttp(link, feedUrl)).find((link) => link !== null);
  if (hub === undefined) return null;
  const topic = absoluteHttp(source.self ?? header.self ?? document.self, feedUrl) ?? feedUrl;
  return { hub, topic };
}
