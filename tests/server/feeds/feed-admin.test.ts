/**
 * `npm run server:admin -- add-feed / list-feeds / remove-feed / new-ping-secret` as processes, on the
 * endpoint's database, against real local sites: a page that announces its feed, and one that is no feed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/database.ts';
import { hashSecret } from '../../../server/security/secrets.ts';
import { rssFeed, startLocalServer, type LocalServer } from '../../helpers/http-server.ts';
import { runTsx } from '../../helpers/spawn-command.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { testDatabaseFor } from '../../helpers/test-database.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  const { location, drop } = await testDatabaseFor(dir.path);
  cleanups.push(drop);
  return location;
}

/** A blog whose home page announces its feed. */
async function blog(): Promise<LocalServer> {
  const server = await startLocalServer((request, response) => {
    if (request.url === '/feed.xml') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(
        rssFeed('Example Blog', [
          { title: 'One', link: 'https://blog.example.com/one', description: 'One.', published: new Date() },
        ]),
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>');
  });
  cleanups.push(server.close);
  return server;
}

const admin = (location: string, ...args: string[]) => runTsx('server/admin-cli.ts', [...args, '--db', location]);

// Each step is a process of its own (tsx start-up): seconds each on a busy machine.
describe('feed administration with npm run server:admin', { timeout: 60_000 }, () => {
  it('adds the feed a home page announces, lists it in words, renews its ping secret and removes it', async () => {
    const location = await database();
    const site = await blog();

    const added = await admin(location, 'add-feed', site.url);
    expect(added.output).toContain(`Added "Example Blog" ${site.url}feed.xml (found behind ${site.url})`);
    expect(added.code).toBe(0);
    const secret = /Ping secret .*: (\S+)/.exec(added.output)?.[1] ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const db = await openDatabase(location);
    cleanups.push(() => db.destroy());
    const row = await db.selectFrom('feeds').selectAll().executeTakeFirstOrThrow();
    // Only the secret's hash is stored.
    expect(row).toMatchObject({ url: `${site.url}feed.xml`, ping_secret_hash: hashSecret(secret) });
    expect(JSON.stringify(row)).not.toContain(secret);

    const again = await admin(location, 'add-feed', `${site.url}feed.xml`);
    expect(again.output).toContain(`${site.url}feed.xml is already one of the organisation's feeds`);
    expect(again.code).toBe(1);

    const listed = await admin(location, 'list-feeds');
    expect(listed.output).toContain(`Example Blog  ${site.url}feed.xml`);
    expect(listed.output).toContain('not read yet');

    const renewed = await admin(location, 'new-ping-secret', `${site.url}feed.xml`);
    const newSecret = /no longer works\): (\S+)/.exec(renewed.output)?.[1] ?? '';
    expect(newSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await db.selectFrom('feeds').select('ping_secret_hash').executeTakeFirstOrThrow()).ping_secret_hash).toBe(
      hashSecret(newSecret),
    );

    const removed = await admin(location, 'remove-feed', `${site.url}feed.xml`);
    expect(removed.output).toContain(`Removed ${site.url}feed.xml.`);
    expect(await db.selectFrom('feeds').selectAll().execute()).toEqual([]);
    expect((await admin(location, 'list-feeds')).output).toContain('No feeds yet');
  });

  it('adding a login page that links no feed says why in words, exits 1 and adds nothing', async () => {
    const location = await database();
    // Every path, the usual feed paths included, answers with the sign-in page.
    const site = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body><form>Sign in</form></body></html>');
    });
    cleanups.push(site.close);
    const added = await admin(location, 'add-feed', `${site.url}login`);
    expect(added.code).toBe(1);
    expect(added.output).toContain(`${site.url}login was not added: this web page links no feed`);
    expect(added.output).not.toMatch(/ECONN|fetch failed|\b[45]\d\d\b/);
    const db = await openDatabase(location);
    cleanups.push(() => db.destroy());
    expect(await db.selectFrom('feeds').selectAll().execute()).toEqual([]);
  });

  it('removing a feed that is not there says so and exits 1', async () => {
    const location = await database();
    const removed = await admin(location, 'remove-feed', 'https://blog.example.com/feed.xml');
    expect(removed.code).toBe(1);
    expect(removed.output).toContain("https://blog.example.com/feed.xml is not one of the organisation's feeds");
  });
});
