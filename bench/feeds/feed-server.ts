/**
 * The benchmarks' feed server, in its own process so its CPU and memory never count as the engine's.
 * Prints "port <n>" when ready. Routes:
 *   /feed?validators=yes|no  a 100 KB feed that does (or ignores) conditional GET
 *   /blog/<n>                feed n of the 50-feed memory test (200 items)
 *   /hostile                 a 50 MB body, streamed
 *   /stats, /reset           bytes sent to clients since the last reset
 */
import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

function feed(name: string, items: number, paragraph: string): string {
  const entries = Array.from(
    { length: items },
    (_, index) =>
      `<item><title>${name} post ${String(index)}: what we learned</title><link>https://blog.example.com/${name}/${String(index)}</link>` +
      `<guid>https://blog.example.com/${name}/${String(index)}</guid><pubDate>${new Date(Date.UTC(2026, 1, 1) - index * 3_600_000).toUTCString()}</pubDate>` +
      `<description><![CDATA[<p>${paragraph}</p><img src="https://blog.example.com/img/${String(index)}.png">]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title><link>https://blog.example.com/</link>${entries.join('')}</channel></rss>`;
}

const PARAGRAPH =
  'We rebuilt the release pipeline so that every merge ships within the hour. It took three months, two rewrites and one long weekend. '.repeat(
    6,
  );
const BIG = feed('Engineering', 110, PARAGRAPH);
const ETAG = `"${createHash('sha256').update(BIG).digest('hex').slice(0, 16)}"`;
const BLOGS = Array.from({ length: 50 }, (_, index) => feed(`blog${String(index)}`, 200, PARAGRAPH.slice(0, 400)));

let sent = 0;
const counted = new WeakMap<Socket, number>();
function count(response: ServerResponse): void {
  const socket = response.socket;
  if (!socket) return;
  response.on('finish', () => {
    sent += socket.bytesWritten - (counted.get(socket) ?? 0);
    counted.set(socket, socket.bytesWritten);
  });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/stats') return void response.end(JSON.stringify({ sent }));
  if (url.pathname === '/reset') {
    sent = 0;
    return void response.end('{}');
  }
  count(response);
  if (url.pathname === '/feed') {
    const honours = url.searchParams.get('validators') === 'yes';
    if (honours && request.headers['if-none-match'] === ETAG) return void response.writeHead(304, { etag: ETAG }).end();
    return void response
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...(honours ? { etag: ETAG } : {}) })
      .end(BIG);
  }
  const blog = /^\/blog\/(\d+)$/.exec(url.pathname);
  if (blog)
    return void response
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
      .end(BLOGS[Number(blog[1])]);
  if (url.pathname === '/hostile') {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.from(`<rss version="2.0"><channel>${'x'.repeat(64 * 1024 - 28)}`);
    let left = 50 * 1024 * 1024;
    const pump = (): void => {
      while (left > 0) {
        left -= chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      response.end();
    };
    response.on('close', () => (left = 0));
    pump();
    return;
  }
  response.writeHead(404).end();
});

server.listen(0, '127.0.0.1', () =>
  console.log(`port ${String((server.address() as AddressInfo).port)} bytes ${String(Buffer.byteLength(BIG))}`),
);
process.on('disconnect', () => process.exit(0));
