/**
 * `npm run server`: the endpoint on an embedded SQLite file, no other setup. Flags (or environment):
 *   --port (ADVOCATE_SERVER_PORT, default 8787)  --host (ADVOCATE_SERVER_HOST, default 127.0.0.1)
 *   --db PATH (ADVOCATE_DB, default .advocate-data/endpoint.sqlite)
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app.ts';
import { openDatabase } from './database.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' } },
  strict: true,
});
const env = process.env;
const port = Number(values.port ?? env['ADVOCATE_SERVER_PORT'] ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, got ${String(values.port ?? env['ADVOCATE_SERVER_PORT'])}`);
  process.exit(2);
}
const host = values.host ?? env['ADVOCATE_SERVER_HOST'] ?? '127.0.0.1';
const dbPath = resolve(values.db ?? env['ADVOCATE_DB'] ?? '.advocate-data/endpoint.sqlite');
mkdirSync(dirname(dbPath), { recursive: true });

const db = await openDatabase(dbPath);
const app = await buildServer({ db, logger: true });
const address = await app.listen({ port, host });
console.log(`Advocate endpoint: ${address}/ (database ${dbPath})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => db.destroy()).then(() => process.exit(0));
  });
}
