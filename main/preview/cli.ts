/**
 * `npm run preview`: the app's core and window in a browser (`npm run preview -- --help` lists the
 * flags, see cli-options.ts). Every refusal is one line naming the flag to change.
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { consoleLogger } from '../core/ports.ts';
import { readJsonLayer } from '../settings/json-policy.ts';
import { parseCli, USAGE } from './cli-options.ts';
import { startPreview, type Preview } from './preview-server.ts';

function stop(line: string, code: number): never {
  (code === 0 ? console.log : console.error)(line);
  process.exit(code);
}

const parsed = parseCli(process.argv.slice(2), process.env);
if (!parsed.ok) stop(parsed.error, 2);
const cli = parsed.options;
if (cli.help) stop(USAGE, 0);

let policyFile = null;
if (cli.policyFile !== null) {
  const path = resolve(cli.policyFile);
  // A desktop without policy.json has no policy; a file named on purpose must exist.
  await access(path).catch(() => stop(`--policy: there is no file at ${path}`, 2));
  policyFile = await readJsonLayer(path);
}

const root = resolve(import.meta.dirname, '../..');
let preview: Preview;
try {
  preview = await startPreview({
    host: cli.host,
    port: cli.port,
    rendererDir: resolve(root, 'out/renderer'),
    bridgeFile: resolve(root, 'out/preview/bridge.js'),
    dataDir: resolve(cli.dataDir),
    feedUrls: cli.feedUrls,
    endpointUrl: cli.endpointUrl,
    // Enrolls once, on its first sync; the token is kept in the data folder, so a restart stays the same person.
    endpointCredentials:
      cli.enrollmentCode === null
        ? null
        : {
            enrollment: {
              code: cli.enrollmentCode,
              displayName: cli.displayName,
              ...(cli.team === null ? {} : { team: cli.team }),
            },
          },
    ...(policyFile === null ? {} : { policyFile }),
    // Policy, as the feeds and the endpoint are: the window shows it as set by the organisation.
    ...(cli.pollMinutes === null ? {} : { policy: { PollIntervalMinutes: cli.pollMinutes } }),
    log: consoleLogger,
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    stop(`Port ${String(cli.port)} on ${cli.host} is taken (another preview?): choose another with --port N`, 1);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    stop(`${cli.host} is not an address of this computer: choose another with --host`, 1);
  throw error;
}
// Before the address is printed: whoever waits for that line may stop us right after it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void preview.close().then(() => process.exit(0));
  });
}
console.log(`Advocate preview: ${preview.url}`);
if (cli.feedUrls.length === 0 && policyFile?.values.feedUrls === undefined)
  console.log('No feed configured: showing the built-in sample feed (use --feed URL for yours).');
