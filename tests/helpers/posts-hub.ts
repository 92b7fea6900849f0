/**
 * A stand-in for the endpoint as the hub of posts, on 127.0.0.1: GET /v1/posts as common/protocol.ts
 * defines it (device token, `since` cursor, ETag and 304, pages with `more`), with every request checked
 * against PostsQuerySchema and every answer against PostsResponseSchema (typebox Value.Check), so the
 * contract is exercised from both ends. Shares go through (POST /v1/events: all created); the summary
 * and kits never change (304). Its items come from the real feed pipeline reading the same RSS text a
 * blog serves, as the endpoint's poller would. Tests talk to it only through `PostsHub`, so the real
 * endpoint can take its place once it serves posts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Value } from 'typebox/value';
import type { FeedItem } from '../../common/domain.ts';
import { PostsQuerySchema, PostsResponseSchema, type EndpointPost, type PostsResponse } from '../../common/protocol.ts';
import { checkFeed } from '../../feeds/index.ts';
import { startLocalServer } from './http-server.ts';

export interface HubRequest {
  readonly path: string;
  readonly since: string | null;
  readonly ifNoneMatch: string | null;
  /** What the hub answered: 200, 304, an error status, or 0 when it cut the connection (down). */
  readonly status: number;
}

export interface PostsHub {
  readonly url: string;
  /** The device token it accepts (give it to the desktop's token store). */
  readonly token: string;
  /** Every GET /v1/posts it was asked, in order. */
  readonly postsRequests: readonly HubRequest[];
  /** Answers it would have given that break PostsResponseSchema (it sent a 500 instead); empty when all is well. */
  readonly contractBreaks: readonly string[];
  /** Reads `rss` as the endpoint's poller would and serves its items as posts of `feedUrl`; new or changed ones get a new place after the cursor. */
  publish(feedUrl: string, rss: string): Promise<void>;
  /** How many feeds the organisation has; 0 also drops every post (the endpoint has none). */
  setFeeds(count: number): void;
  /** Unreachable: every request's connection is cut. */
  goDown(): void;
  /** Holds every answer back until the returned function is called; `held` counts requests waiting. */
  hold(): () => void;
  readonly held: () => number;
  comeBack(): void;
  close(): Promise<void>;
}

const TOKEN = 'h'.repeat(43);

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request as AsyncIterable<Buffer>) text += chunk.toString('utf8');
  return text;
}

/** The feed pipeline on text a blog would serve, without a request to the blog. */
async function itemsOf(feedUrl: string, rss: string): Promise<readonly FeedItem[]> {
  const checked = await checkFeed(
    () => Promise.resolve(new Response(rss, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })),
    feedUrl,
  );
  if (!checked.ok) throw new Error(`the hub could not read the feed: ${checked.error}`);
  return checked.items;
}

export async function startPostsHub(options: { readonly pageSize?: number } = {}): Promise<PostsHub> {
  const pageSize = options.pageSize ?? 200;
  /** Every post with its place: the cursor is the place of the last post an answer holds. */
  let posts: { readonly place: number; readonly post: EndpointPost }[] = [];
  let lastPlace = 0;
  let feeds = 1;
  let down = false;
  let gate: Promise<void> = Promise.resolve();
  let waiting = 0;
  const postsRequests: HubRequest[] = [];
  const contractBreaks: string[] = [];

  const answerFor = (since: number): PostsResponse => {
    const after = posts.filter((entry) => entry.place > since);
    const page = after.slice(0, pageSize);
    return {
      feeds,
      posts: page.map((entry) => entry.post),
      cursor: String(page.at(-1)?.place ?? Math.max(since, lastPlace)),
      more: after.length > page.length,
    };
  };

  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

  const server = await startLocalServer((request, response) => {
    waiting += 1;
    void Promise.all([readBody(request), gate]).then(([text]) => {
      waiting -= 1;
      const url = new URL(request.url ?? '/', 'http://hub');
      const since = url.searchParams.get('since');
      const ifNoneMatch = request.headers['if-none-match'] ?? null;
      const record = (status: number): void => {
        if (url.pathname === '/v1/posts') postsRequests.push({ path: url.pathname, since, ifNoneMatch, status });
      };
      if (down) {
        record(0);
        response.socket?.destroy();
        return;
      }
      if (request.headers.authorization !== `Bearer ${TOKEN}`) {
        record(401);
        json(response, 401, { statusCode: 401, error: 'Unauthorized', message: 'unknown device token' });
        return;
      }
      if (url.pathname === '/v1/events') {
        const { events } = JSON.parse(text) as { events: { id: string }[] };
        json(response, 200, { results: events.map((event) => ({ id: event.id, status: 'created' })) });
        return;
      }
      if (url.pathname !== '/v1/posts' || request.method !== 'GET') {
        response.writeHead(304).end();
        return;
      }
      const query = Object.fromEntries(url.searchParams);
      if (!Value.Check(PostsQuerySchema, query) || (since !== null && !/^\d+$/.test(since))) {
        record(400);
        json(response, 400, { statusCode: 400, error: 'Bad Request', message: `no such cursor: ${String(since)}` });
        return;
      }
      const answer = answerFor(since === null ? 0 : Number(since));
      if (!Value.Check(PostsResponseSchema, answer)) {
        const [first] = Value.Errors(PostsResponseSchema, answer);
        contractBreaks.push(`${first?.instancePath ?? ''} ${first?.message ?? ''}`);
        record(500);
        json(response, 500, { statusCode: 500, error: 'Internal Server Error', message: 'answer breaks the contract' });
        return;
      }
      // The state the answer was made from, and the cursor asked with: the same pair gives the same answer.
      const etag = `"${String(lastPlace)}-${String(feeds)}-${since ?? 'all'}"`;
      if (ifNoneMatch === etag) {
        record(304);
        response.writeHead(304, { etag }).end();
        return;
      }
      record(200);
      json(response, 200, answer, { etag });
    });
  });

  return {
    url: server.url,
    token: TOKEN,
    postsRequests,
    contractBreaks,
    async publish(feedUrl, rss) {
      for (const item of await itemsOf(feedUrl, rss)) {
        const post: EndpointPost = {
          feedUrl,
          item: {
            ...item,
            link: item.link ?? '',
            hashtags: [...item.hashtags],
            messages: { ...item.messages },
            embargoUntil: null,
          },
          firstSeenAt: new Date().toISOString(),
        };
        const known = posts.find((entry) => entry.post.feedUrl === feedUrl && entry.post.item.id === item.id);
        if (known && JSON.stringify(known.post.item) === JSON.stringify(post.item)) continue;
        lastPlace += 1;
        posts = [
          ...posts.filter((entry) => entry !== known),
          { place: lastPlace, post: known ? { ...post, firstSeenAt: known.post.firstSeenAt } : post },
        ];
      }
    },
    setFeeds(count) {
      feeds = count;
      if (count === 0) posts = [];
      lastPlace += 1;
    },
    goDown() {
      down = true;
    },
    hold() {
      let release = (): void => undefined;
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        gate = Promise.resolve();
        release();
      };
    },
    held: () => waiting,
    comeBack() {
      down = false;
    },
    close: server.close,
  };
}
