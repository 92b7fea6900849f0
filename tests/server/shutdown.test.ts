/**
 * Closing the endpoint (a replica stopped with SIGTERM) while a request is being answered: the answer
 * still arrives, whole, saying `Connection: close`, so its keep-alive connection ends with it and
 * close() returns instead of waiting out the connection's idle timeout (72 s).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../server/app.ts';
import { openDatabase } from '../../server/database.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { testDatabaseFor } from '../helpers/test-database.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('closing the endpoint', () => {
  it('answers the request in flight with Connection: close, and close() returns', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const database = await testDatabaseFor(dir.path);
    cleanups.push(database.drop);
    const db = await openDatabase(database.location);
    cleanups.push(() => db.destroy());
    const app = await buildServer({ db });
    // A request that is answered only when the test says so, to be in flight when closing begins.
    let entered: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    app.get('/slow', async () => {
      entered();
      await released;
      return { done: true };
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });

    // A first answer opens a keep-alive connection; the slow request goes on it.
    expect((await fetch(`${url}/healthz`)).headers.get('connection')).toBe('keep-alive');
    const answer = fetch(`${url}/slow`);
    await inFlight;
    const closed = app.close();
    // Answered only once the server has stopped listening, as a slow answer would be.
    await vi.waitFor(() => expect(app.server.listening).toBe(false), { timeout: 30_000, interval: 5 });
    release();
    const response = await answer;
    expect(await response.json()).toEqual({ done: true });
    expect(response.headers.get('connection')).toBe('close');
    await closed;
  });
});
