/**
 * `npm run preview`'s flags read into the preview's options, or one line that says what is wrong and
 * which flag to change. Numbers pass the app's own setting rules; `--policy` is read as the app reads
 * policy.json (main/settings/json-policy.ts), so the preview accepts and refuses what a desktop would.
 */
import { parseArgs } from 'node:util';
import { checkSetting } from '../settings/setting-rules.ts';

export const USAGE = `Usage: npm run preview -- [options]

The app's core and window in a browser (built first). Options, each also from the environment:
  --port N                 where to listen (ADVOCATE_PREVIEW_PORT; default 5174; 0 picks a free one)
  --host HOST              the address to listen on (default 127.0.0.1)
  --feed URL               a feed to poll, repeatable (ADVOCATE_FEED_URLS, comma separated;
                           none: a built-in sample feed)
  --poll-minutes N         minutes between two checks of the feeds, 5 to 1440 (default 30)
  --policy FILE            an IT policy file (the keys of policy.json, see docs/deploy.md), checked as
                           a desktop checks its policy; --feed and --endpoint still win over it
  --endpoint URL           the endpoint to count shares with (ADVOCATE_ENDPOINT_URL)
  --enrollment-code CODE   the code \`npm run server\` printed (ADVOCATE_ENROLLMENT_CODE)
  --display-name NAME      how the preview enrolls (default "Preview")
  --team NAME              the team it enrolls in
  --data DIR               where it keeps its files (default .advocate-data/preview)
  --help                   this text`;

export interface CliOptions {
  readonly help: boolean;
  readonly port: number;
  readonly host: string;
  readonly feedUrls: readonly string[];
  readonly pollMinutes: number | null;
  readonly policyFile: string | null;
  readonly endpointUrl: string | null;
  readonly enrollmentCode: string | null;
  readonly displayName: string;
  readonly team: string | null;
  readonly dataDir: string;
}

export type ParsedCli =
  { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

const fail = (error: string): ParsedCli => ({ ok: false, error });

export function parseCli(args: readonly string[], env: NodeJS.ProcessEnv): ParsedCli {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        help: { type: 'boolean', short: 'h' },
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        feed: { type: 'string', multiple: true },
        'poll-minutes': { type: 'string' },
        policy: { type: 'string' },
        endpoint: { type: 'string' },
        data: { type: 'string', default: '.advocate-data/preview' },
        'enrollment-code': { type: 'string' },
        'display-name': { type: 'string', default: 'Preview' },
        team: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    // Node's own words name the flag ("Unknown option '--x'"); its error code is left out.
    const reason = error instanceof Error ? error.message.replace(/\.\s*To specify a positional.*$/s, '') : 'bad flags';
    return fail(`${reason}; see npm run preview -- --help`);
  }
  const rawPort = values.port ?? env['ADVOCATE_PREVIEW_PORT'] ?? '5174';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535)
    return fail(`--port must be a whole number from 0 to 65535, got ${rawPort}`);
  let pollMinutes: number | null = null;
  if (values['poll-minutes'] !== undefined) {
    const checked = checkSetting('pollIntervalMinutes', Number(values['poll-minutes']));
    if (!checked.ok) return fail(`--poll-minutes ${checked.reason}, got ${values['poll-minutes']}`);
    pollMinutes = checked.value;
  }
  const endpointUrl = values.endpoint ?? env['ADVOCATE_ENDPOINT_URL'] ?? null;
  const enrollmentCode = values['enrollment-code'] ?? (env['ADVOCATE_ENROLLMENT_CODE'] || null);
  if (endpointUrl !== null && enrollmentCode === null)
    return fail('--endpoint needs --enrollment-code CODE too (the code `npm run server` printed on its first start)');
  const feedUrls =
    values.feed ??
    (env['ADVOCATE_FEED_URLS'] ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean);
  return {
    ok: true,
    options: {
      help: values.help === true,
      port,
      host: values.host,
      feedUrls,
      pollMinutes,
      policyFile: values.policy ?? null,
      endpointUrl,
      enrollmentCode,
      displayName: values['display-name'],
      team: values.team ?? null,
      dataDir: values.data,
    },
  };
}
