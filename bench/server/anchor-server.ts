/**
 * The anchor: a bare node:http + better-sqlite3 endpoint on the same database settings (WAL,
 * synchronous=FULL) doing the same insert-or-ignore, with no framework, validation, auth or counts.
 * Its summary is the obvious one (aggregate the events on every request), and its redirect answers
 * from a map in memory. Started as its own process: `--db PATH`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { Network } from '../../common/domain.ts';
import { utmLink } from '../../common/share/utm.ts';

const { values } = parseArgs({ options: { db: { type: 'string' } }, strict: true });
const db = new SQLite(values.db ?? 'anchor.sqlite');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`create table if not exists share_events (id text primary key not null, person_id integer not null, type text not null,
  post_key text not null, network text not null, at text not null, received_at text not null);
  create index if not exists share_events_by_person on share_events (person_id, at);
  create table if not exists tracked_links (code text primary key not null, person_id integer not null, post_key text not null, network text not null, created_at text not null)`);

interface Event {
  id: string;
  type: string;
  postKey: string;
  network: string;
  at: string;
}

const insert = db.prepare(
  'insert or ignore into share_events (id, person_id, type, post_key, network, at, received_at) values (?, 1, ?, ?, ?, ?, ?)',
);
const insertAll = db.transaction((events: Event[]) => {
  const receivedAt = new Date().toISOString();
  return events.map((event) => ({
    id: event.id,
    status:
      insert.run(event.id, event.type, event.postKey, event.network, event.at, receivedAt).changes === 1
        ? 'created'
        : 'duplicate',
  }));
});
const postCounts = db.prepare(
  "select post_key, sum(case when type = 'shared' then 1 else -1 end) as shares from share_events group by post_key order by max(received_at) desc limit 200",
);
const leaderboard = db.prepare(
  "select person_id, sum(case when type = 'shared' then 1 else -1 end) as shares from share_events group by person_id order by shares desc limit 10",
);
const mine = db.prepare("select count(*) as n from share_events where person_id = ? and type = 'shared'");
const links = new Map(
  (
    db.prepare('select code, post_key, network from tracked_links').all() as {
      code: string;
      post_key: string;
      network: Network;
    }[]
  ).map((row) => [row.code, row]),
);

const server = createServer((request, response) => {
  const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...headers,
    });
    response.end(body);
  };
  const url = request.url ?? '/';
  if (request.method === 'POST' && url === '/v1/events') {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const { events } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Event[] };
        send(200, JSON.stringify({ results: insertAll(events) }));
      } catch {
        send(400, '{"error":"bad request"}');
      }
    });
    return;
  }
  if (url.startsWith('/v1/summary')) {
    send(
      200,
      JSON.stringify({
        posts: postCounts.all(),
        leaderboard: leaderboard.all(),
        me: mine.get(Number(new URL(url, 'http://x').searchParams.get('person') ?? 1)),
      }),
    );
    return;
  }
  const link = url.startsWith('/r/') ? links.get(url.slice(3)) : undefined;
  if (link) {
    send(302, '', { location: utmLink(link.post_key, link.network, url.slice(3)) });
    return;
  }
  send(404, '{}');
});
server.listen(0, '127.0.0.1', () => {
  console.log(`Anchor endpoint: http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`);
});
process.once('SIGTERM', () => {
  server.close();
  db.close();
  process.exit(0);
});
