/**
 * A company blog for the endpoint's poller: an RSS feed with an ETag that honours If-None-Match, whose
 * items a test changes between reads, that can break (answer with a sign-in page), and that counts
 * what it was asked.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rssFeed, startLocalServer, type FeedItem, type LocalServer } from './http-server.ts';

export interface Blog extends LocalServer {
  readonly feedUrl: string;
  setItems(items: readonly FeedItem[]): void;
  /** From now on the feed answers with a sign-in page (or again with the feed). */
  setBroken(broken: boolean): void;
  /** From now on the feed answers 503 with this Retry-After in seconds (null: the feed again). */
  setBusy(retryAfterSeconds: number | null): void;
  /**
   * The next request for the feed waits: `arrived` resolves when it has come in, `release()` answers
   * it with the items as they were when it came in (a read that started before a post was published).
   */
  holdNext(): { arrived: Promise<void>; release: () => void };
  /** Requests for the feed, and how many were answered 304. */
  readonly seen: { requests: number; notModified: number };
}

/** `headers` go with every answer of the feed (a WebSub `Link`, say). */
export async function startBlog(items: readonly FeedItem[], headers: Record<string, string> = {}): Promise<Blog> {
  let current = items;
  let broken = false;
  let busy: number | null = null;
  let held: { arrived: () => void; released: Promise<void> } | null = null;
  const seen = { requests: 0, notModified: 0 };
  const answer = (request: IncomingMessage, response: ServerResponse, items: readonly FeedItem[]): void => {
    if (busy !== null) {
      response.writeHead(503, { 'retry-after': String(busy) });
      response.end();
      return;
    }
    if (broken) {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><html><body><form action="/login">Sign in</form></body></html>');
      return;
    }
    const body = rssFeed('Example Company Blog', items);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      seen.notModified += 1;
      response.writeHead(304, { ...headers, etag });
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': 'application/rss+xml; charset=utf-8', etag });
    response.end(body);
  };
  const server = await startLocalServer((request, response) => {
    seen.requests += 1;
    const gate = held;
    held = null;
    const items = current;
    if (gate === null) answer(request, response, items);
    else {
      gate.arrived();
      void gate.released.then(() => answer(request, response, items));
    }
  });
  return {
    ...server,
    feedUrl: `${server.url}feed.xml`,
    seen,
    setItems(next) {
      current = next;
    },
    setBroken(next) {
      broken = next;
    },
    setBusy(next) {
      busy = next;
    },
    holdNext() {
      let arrived = (): void => undefined;
      let release = (): void => undefined;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      held = { arrived, released };
      return { arrived: arrival, release };
    },
  };
}

/** `count` posts published an hour apart, newest first. */
export function blogPosts(count: number, now = Date.now()): FeedItem[] {
  return Array.from({ length: count }, (_, index) => ({
    title: `Post ${String(index + 1)}`,
    link: `https://blog.example.com/post-${String(index + 1)}`,
    description: `<p>What post ${String(index + 1)} is about. More text.</p>`,
    published: new Date(now - index * 3_600_000),
  }));
}
