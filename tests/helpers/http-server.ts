/** A real HTTP server on 127.0.0.1 with a free port, for feeds and other peers the code under test calls. */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

export async function startLocalServer(listener: RequestListener): Promise<LocalServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FeedItem {
  readonly title: string;
  readonly link: string;
  readonly description: string;
  readonly published: Date;
  /** An SVG picture for the item, as an enclosure. */
  readonly image?: string;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rssFeed(title: string, items: readonly FeedItem[]): string {
  const body = items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link><guid>${escapeXml(item.link)}</guid>` +
        `<pubDate>${item.published.toUTCString()}</pubDate><description>${escapeXml(item.description)}</description>` +
        (item.image === undefined
          ? ''
          : `<enclosure url="${escapeXml(item.image)}" type="image/svg+xml" length="0"/>`) +
        '</item>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>https://blog.example.com/</link>${body}</channel></rss>`;
}

/** Serves a feed whose items the test can change between polls. */
export async function startFeedServer(
  title: string,
  initial: readonly FeedItem[],
): Promise<LocalServer & { readonly feedUrl: string; setItems(items: readonly FeedItem[]): void }> {
  let items = initial;
  const server = await startLocalServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(rssFeed(title, items));
  });
  return {
    ...server,
    feedUrl: `${server.url}feed.xml`,
    setItems(next) {
      items = next;
    },
  };
}

/** The post the sharing tests share: one item, published an hour ago. */
export const SHIP_SMALL = {
  title: 'Ship small, ship often',
  link: 'https://blog.example.com/ship-small',
  description: '<p>We cut our release time in half. Here is how.</p>',
} as const;

/** A company blog whose feed holds SHIP_SMALL. */
export const startShipSmallFeed = (): ReturnType<typeof startFeedServer> =>
  startFeedServer('Example Company Blog', [{ ...SHIP_SMALL, published: new Date(Date.now() - 60 * 60 * 1000) }]);
