/**
 * Fetches one feed and parses it with rss-parser's `parseString`. We fetch the bytes ourselves (never
 * `parseURL`) so that the HTTP client port decides proxy, timeouts and limits.
 */
import Parser from 'rss-parser';
import type { HttpFetch } from '../core/ports.ts';
import { FeedError } from './feed-error.ts';

export interface ParsedItem {
  readonly guid: string | null;
  readonly link: string | null;
  readonly title: string;
  readonly summaryHtml: string;
  readonly publishedAt: string | null;
}

export interface ParsedFeed {
  readonly title: string;
  readonly link: string | null;
  readonly items: readonly ParsedItem[];
}

const parser = new Parser();

export async function fetchFeed(fetch: HttpFetch, url: string): Promise<ParsedFeed> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' } });
  } catch (cause) {
    throw new FeedError('network', `could not reach ${new URL(url).host}`, { cause });
  }
  if (!response.ok) {
    throw new FeedError('http-status', `the server answered ${String(response.status)} ${response.statusText}`.trim());
  }
  const body = await response.text();
  if (!/<(rss|feed|rdf:RDF)\b/i.test(body)) {
    throw new FeedError('not-a-feed', 'this address did not return a feed');
  }
  let output: Parser.Output<Record<string, unknown>>;
  try {
    output = await parser.parseString(body);
  } catch (cause) {
    throw new FeedError('parse', 'the feed could not be read: it is not well-formed XML', { cause });
  }
  return {
    title: output.title?.trim() || new URL(url).host,
    link: output.link ?? null,
    items: output.items.map((item) => ({
      guid: item.guid ?? null,
      link: item.link ?? null,
      title: item.title?.trim() ?? '',
      summaryHtml: item.content ?? item.summary ?? item.contentSnippet ?? '',
      publishedAt: item.isoDate ?? null,
    })),
  };
}
