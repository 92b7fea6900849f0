/**
 * `npm run preview`: the app's core and window in a browser. Flags (or environment):
 *   --port (ADVOCATE_PREVIEW_PORT, default 5174)   --host (default 127.0.0.1)
 *   --feed URL, repeatable (ADVOCATE_FEED_URLS, comma separated; none: a built-in sample feed)
 *   --endpoint URL (ADVOCATE_ENDPOINT_URL)          --data DIR (default .advocate-data/preview)
 *   --enrollment-code CODE (ADVOCATE_ENROLLMENT_CODE: the code `npm run server` printed)
 *   --display-name NAME (default "Preview"), --team NAME: how the preview enrolls with the endpoint
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { consoleLogger } from '../core/ports.ts';
import { startPreview } from './preview-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    feed: { type: 'string', multiple: true },
    endpoint: { type: 'string' },
    data: { type: 'string', default: '.advocate-data/preview' },
    'enrollment-code': { type: 'string' },
    'display-name': { type: 'string', default: 'Preview' },
    team: { type: 'string' },
  },
  strict: true,
});

const env = process.env;
const port = Number(values.port ?? env['ADVOCATE_PREVIEW_PORT'] ?? 5174);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, got ${String(values.port)}`);
  process.exit(2);
}
const feedUrls =
  values.feed ??
  (env['ADVOCATE_FEED_URLS'] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
const root = resolve(import.meta.dirname, '../..');
const endpointUrl = values.endpoint ?? env['ADVOCATE_ENDPOINT_URL'] ?? null;
const enrollmentCode = values['enrollment-code'] ?? (env['ADVOCATE_ENROLLMENT_CODE'] || undefined);
if (endpointUrl !== null && enrollmentCode === undefined) {
  console.error('--endpoint needs --enrollment-code CODE too (the code `npm run server` printed on its first start)');
  process.exit(2);
}

const preview = await startPreview({
  host: values.host,
  port,
  rendererDir: resolve(root, 'out/renderer'),
  bridgeFile: resolve(root, 'out/preview/bridge.js'),
  dataDir: resolve(values.data),
  feedUrls,
  endpointUrl,
  // Enrolls once, on its first sync; the token is kept in the data folder, so a restart stays the same person.
  endpointCredentials:
    enrollmentCode === undefined
      ? null
      : {
          enrollment: {
            code: enrollmentCode,
            displayName: values['display-name'],
            ...(values.team === undefined ? {} : { team: values.team }),
          },
        },
  log: consoleLogger,
});
// Before the address is printed: whoever waits for that line may stop us right after it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void preview.close().then(() => process.exit(0));
  });
}
console.log(`Advocate preview: ${preview.url}`);
if (feedUrls.length === 0)
  console.log('No feed configured: showing the built-in sample feed (use --feed URL for yours).');
