/**
 * Time to the first render of 200 posts in headless Chromium: from navigation start until the 200th row
 * is in the page and the frame that shows it has been painted. `window.advocate` is a stand-in answering
 * every call of the contract at once (as the preload would, without main's work: `stand-in.ts`), installed
 * before the page's scripts run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { PostView } from '../../common/domain.ts';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.ts';
import { readStaticFile } from '../../main/web/static-files.ts';
import { standIn, type StandIn } from './stand-in.ts';

export function samplePosts(count: number, now: number): PostView[] {
  const feeds = ['Example Company Blog', 'Engineering at Example', 'Example Careers'];
  return Array.from({ length: count }, (_, index) => ({
    id: `feed${String(index % 3)}:${String(index)}`,
    feedId: `feed${String(index % 3)}`,
    key: `https://blog.example.com/posts/${String(index)}`,
    link: `https://blog.example.com/posts/${String(index)}`,
    title: `Post ${String(index)}: how we cut our release time in half without adding a single person`,
    pitch:
      'We moved from monthly releases to daily ones. Here is what changed, what broke, and what we would do again.',
    imageUrl: null,
    publishedAt: new Date(now - index * 5 * 3600_000).toISOString(),
    messages: {},
    hashtags: ['devops'],
    feedTitle: feeds[index % 3] ?? 'Blog',
    sharedOn: index % 7 === 0 ? ['linkedin'] : [],
    unread: index < 5,
    shareCount: index % 4 === 0 ? index : null,
  }));
}

/** Serves a built folder with the window's CSP, as the app's protocol handler does. */
export async function serveFolder(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    void readStaticFile(dir, new URL(request.url ?? '/', 'http://localhost').pathname).then((file) => {
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response
        .writeHead(200, {
          'content-type': file.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'cache-control': 'no-store',
        })
        .end(file.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`, server };
}

/**
 * Runs in the page before its scripts: the stand-in API, and a watch for the 200th row. Written as
 * plain JavaScript text: a compiled function would carry the TypeScript runner's helpers with it.
 */
const STUB_SCRIPT = `(data) => {
  const api = {};
  for (const [name, value] of Object.entries(data.standIn.answers)) api[name] = () => Promise.resolve(value);
  for (const name of data.standIn.subscriptions) api[name] = () => () => undefined;
  const list = api.listPosts;
  api.listPosts = () => { window.postsGivenMs = performance.now(); return list(); };
  Object.defineProperty(window, 'advocate', { value: Object.freeze(api) });
  localStorage.setItem('advocate.onboardingSeen', '1');
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll(data.rowSelector).length < data.count) return;
    observer.disconnect();
    // After the frame that shows the rows: a message posted from its animation callback runs once it is painted.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.firstRenderMs = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}`;

interface StubData {
  readonly standIn: StandIn;
  /** What a rendered post looks like in this app. */
  readonly rowSelector: string;
  readonly count: number;
}

export interface RenderTimes {
  /** From navigation start: loading, parsing and starting the app included. */
  readonly fromNavigation: number;
  /** From the moment the app asked for the posts (they are given at once) to the painted rows: the render itself. */
  readonly render: number;
}

/** One cold load (fresh context: no cache, no storage) and the time the rows of every post took to show. */
export async function firstRender(
  browser: Browser,
  url: string,
  rowSelector: string,
  posts: PostView[],
): Promise<RenderTimes> {
  const context = await browser.newContext({ viewport: { width: 380, height: 560 } });
  try {
    const data: StubData = { standIn: standIn(posts), rowSelector, count: posts.length };
    await context.addInitScript({ content: `(${STUB_SCRIPT})(${JSON.stringify(data)});` });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page
      .waitForFunction(() => (window as unknown as { firstRenderMs?: number }).firstRenderMs, undefined, {
        timeout: 10_000,
      })
      .catch((error: unknown) => {
        throw new Error(
          `no render of ${String(posts.length)} rows at ${url}${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`,
          { cause: error },
        );
      });
    const { rendered, given } = await page.evaluate(() => {
      const marks = window as unknown as { firstRenderMs: number; postsGivenMs: number };
      return { rendered: marks.firstRenderMs, given: marks.postsGivenMs };
    });
    return { fromNavigation: rendered, render: rendered - given };
  } finally {
    await context.close();
  }
}
