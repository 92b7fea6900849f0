/**
 * What each setting may hold, checked the same way whatever it comes from (policy, machine file, the
 * person's file, the window). Every refusal says in plain words what was wrong, because it ends up in
 * a log an IT department reads or in front of the person who typed it.
 */
import { NETWORKS, type Network } from '../../common/domain.ts';
import { checkName } from '../../common/names.ts';
import {
  blockTermProblem,
  combineBlockLists,
  MAX_BLOCK_TERMS,
  type BlockLevel,
  type BlockTerm,
} from '../../common/share/block-list.ts';
import { normalizeMastodonInstance } from '../../common/share/intents.ts';
import {
  ARCHIVE_DAYS,
  DAILY_NOTIFICATION_CAP,
  ENDPOINT_FALLBACK_MINUTES,
  MAX_DISCLOSURE_LENGTH,
  MAX_FEEDS,
  PERSON_SETTING_KEYS,
  POLL_INTERVAL_MINUTES,
  type PersonSettingKey,
  type QuietHours,
  type SettingKey,
  type Settings,
} from '../../common/settings.ts';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export type SettingKind =
  'url' | 'secret' | 'urlList' | 'boolean' | 'integer' | 'quietHours' | 'networks' | 'blockList' | 'text';

export interface SettingRule<T> {
  readonly kind: SettingKind;
  /** How messages name the setting. */
  readonly label: string;
  readonly range?: { readonly min: number; readonly max: number };
  check(value: unknown): Checked<T>;
}

const MAX_URL_LENGTH = 2048;
const MAX_SECRET_LENGTH = 256;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(reason: string): Checked<T> => ({ ok: false, reason });
/** Values quoted in a reason stay short: reasons go to logs and small UI labels. */
const quote = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);

function checkHttpUrl(value: unknown): Checked<string> {
  if (typeof value !== 'string') return fail('must be a web address');
  const text = value.trim();
  if (text.length > MAX_URL_LENGTH) return fail(`must be at most ${String(MAX_URL_LENGTH)} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`${quote(text)} is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(`${quote(text)} must start with http:// or https://`);
  return ok(url.href);
}

const nullableUrl = (label: string): SettingRule<string | null> => ({
  kind: 'url',
  label,
  check: (value) => (value === null || value === '' ? ok(null) : checkHttpUrl(value)),
});

function checkList<T>(value: unknown, max: number, checkItem: (item: unknown) => Checked<T>): Checked<T[]> {
  if (!Array.isArray(value)) return fail('must be a list');
  if (value.length > max) return fail(`may hold at most ${String(max)} entries`);
  const items: T[] = [];
  for (const [index, item] of value.entries()) {
    const checked = checkItem(item);
    if (!checked.ok) return fail(`entry ${String(index + 1)}: ${checked.reason}`);
    if (!items.includes(checked.value)) items.push(checked.value);
  }
  return ok(items);
}

const urlList = (label: string): SettingRule<string[]> => ({
  kind: 'urlList',
  label,
  check: (value) => checkList(value, MAX_FEEDS, checkHttpUrl),
});

const flag = (label: string): SettingRule<boolean> => ({
  kind: 'boolean',
  label,
  check: (value) => (typeof value === 'boolean' ? ok(value) : fail('must be true or false')),
});

const wholeNumber = (label: string, range: { readonly min: number; readonly max: number }): SettingRule<number> => ({
  kind: 'integer',
  label,
  range,
  check: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max
      ? ok(value)
      : fail(`must be a whole number from ${String(range.min)} to ${String(range.max)}`),
});

function checkQuietHours(value: unknown): Checked<QuietHours | null> {
  if (value === null) return ok(null);
  if (typeof value !== 'object' || Array.isArray(value))
    return fail('must be a start and an end time, like 22:00-07:00');
  const { start, end, ...extra } = value as Record<string, unknown>;
  if (Object.keys(extra).length > 0) return fail(`has unknown fields: ${Object.keys(extra).join(', ')}`);
  if (typeof start !== 'string' || !TIME_PATTERN.test(start)) return fail('start must be a time from 00:00 to 23:59');
  if (typeof end !== 'string' || !TIME_PATTERN.test(end)) return fail('end must be a time from 00:00 to 23:59');
  if (start === end) return fail('start and end must differ');
  return ok({ start, end });
}

/** Names the endpoint shows to colleagues: one line of printable text. */
const name = (label: string): SettingRule<string> => ({
  kind: 'text',
  label,
  check(value) {
    if (typeof value !== 'string') return fail('must be text');
    // Empty means "not set" (the account name stands in for a display name; no team).
    if (value.trim() === '') return ok('');
    // The endpoint's own rule, so what the settings accept is what enrolling and PATCH /v1/me accept.
    const checked = checkName(value);
    return checked.ok ? ok(checked.value) : fail(checked.reason);
  },
});

const BLOCK_ENTRY = /^\s*(warn|block)\s*:(.*)$/is;

/** One entry of a policy's block list: "block: term", "warn: term", or a bare term, which is blocked. */
function checkBlockEntry(item: unknown): Checked<BlockTerm> {
  if (typeof item !== 'string') return fail('must be text like "block: term" or "warn: term"');
  const match = BLOCK_ENTRY.exec(item);
  const level = (match?.[1]?.toLowerCase() ?? 'block') as BlockLevel;
  // Checked before trimming, so "only spaces" is told apart from nothing after "block: ".
  const term = match ? (match[2] ?? '').replace(/^ /, '') : item;
  const problem = blockTermProblem(term);
  return problem === null ? ok({ term: term.trim(), level }) : fail(problem);
}

function checkBlockList(value: unknown): Checked<BlockTerm[]> {
  const checked = checkList(value, MAX_BLOCK_TERMS, checkBlockEntry);
  // A term listed twice (also in another case or width) is kept once, `block` over `warn`.
  return checked.ok ? ok(combineBlockLists(checked.value)) : checked;
}

const isNetwork = (value: unknown): value is Network => (NETWORKS as readonly unknown[]).includes(value);

export const SETTING_RULES: { readonly [K in SettingKey]: SettingRule<Settings[K]> } = {
  endpointUrl: nullableUrl('Endpoint address'),
  enrollmentCode: {
    kind: 'secret',
    label: 'Enrollment code',
    check(value) {
      if (value === null || value === '') return ok(null);
      // The code itself never appears in a reason: reasons are logged.
      if (typeof value !== 'string') return fail('must be text');
      const code = value.trim();
      if (code.length > MAX_SECRET_LENGTH || /\s/.test(code))
        return fail(`must be one word of at most ${String(MAX_SECRET_LENGTH)} characters`);
      return ok(code);
    },
  },
  feedUrls: urlList('Feeds'),
  allowUserFeeds: flag('Allow people to add feeds'),
  userFeedUrls: urlList('Your feeds'),
  pollIntervalMinutes: wholeNumber('Check feeds every (minutes)', POLL_INTERVAL_MINUTES),
  endpointFallbackMinutes: wholeNumber(
    'Poll the feeds here after the endpoint is away for (minutes)',
    ENDPOINT_FALLBACK_MINUTES,
  ),
  pollFeedsOnDesktop: flag('Poll the feeds on this desktop even with an endpoint that has feeds'),
  quietHours: { kind: 'quietHours', label: 'Quiet hours', check: checkQuietHours },
  dailyNotificationCap: wholeNumber('Notifications per day', DAILY_NOTIFICATION_CAP),
  enabledNetworks: {
    kind: 'networks',
    label: 'Networks',
    check: (value) =>
      checkList(value, NETWORKS.length, (item) =>
        isNetwork(item) ? ok(item) : fail(`${quote(String(item))} is not one of ${NETWORKS.join(', ')}`),
      ),
  },
  offerCutToFit: flag('Offer a version cut to fit'),
  blockList: { kind: 'blockList', label: 'Block list', check: checkBlockList },
  archiveDays: wholeNumber('Days shares stay in the archive', ARCHIVE_DAYS),
  archiveToEndpoint: flag('Archive message texts at the endpoint'),
  disclosureText: {
    kind: 'text',
    label: 'Disclosure text',
    check: (value) =>
      typeof value === 'string' && value.length <= MAX_DISCLOSURE_LENGTH
        ? ok(value.trim())
        : fail(`must be text of at most ${String(MAX_DISCLOSURE_LENGTH)} characters`),
  },
  trainingUrl: nullableUrl('Training link'),
  startAtLogin: flag('Start at login'),
  displayName: name('Display name'),
  team: name('Team'),
  mastodonInstance: {
    kind: 'text',
    label: 'Mastodon server',
    check(value) {
      if (value === '') return ok('');
      if (typeof value !== 'string') return fail('must be text');
      const host = normalizeMastodonInstance(value);
      return host ? ok(host) : fail(`${quote(value)} is not a server name like mastodon.social`);
    },
  },
};

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTING_RULES, key);
export const isPersonKey = (key: string): key is PersonSettingKey =>
  (PERSON_SETTING_KEYS as readonly string[]).includes(key);

export function checkSetting<K extends SettingKey>(key: K, value: unknown): Checked<Settings[K]> {
  return SETTING_RULES[key].check(value);
}

const LIST_SEPARATORS = /[\s,;]+/;
const splitList = (text: string): string[] => text.split(LIST_SEPARATORS).filter(Boolean);
const splitEntries = (text: string): string[] => text.split(/[\r\n;]+/).filter((entry) => entry.trim() !== '');

/**
 * Policy sources speak text and numbers: the registry has REG_SZ, REG_DWORD and REG_MULTI_SZ, macOS
 * defaults are read as strings, and an MSI property can only write one string. This turns those into
 * the setting's own shape before `checkSetting`; anything it cannot read is passed on for that check
 * to refuse with a reason.
 */
export function fromPolicyValue(kind: SettingKind, raw: unknown): unknown {
  switch (kind) {
    case 'urlList':
    case 'networks':
      if (typeof raw === 'string') return splitList(raw);
      return Array.isArray(raw)
        ? raw.flatMap((item: unknown) => (typeof item === 'string' ? splitList(item) : [item]))
        : raw;
    case 'boolean':
      if (raw === 0 || raw === 1) return raw === 1;
      if (typeof raw === 'string')
        return (
          { true: true, '1': true, yes: true, on: true, false: false, '0': false, no: false, off: false }[
            raw.trim().toLowerCase()
          ] ?? raw
        );
      return raw;
    case 'integer':
      if (typeof raw !== 'string') return raw;
      if (/^\s*\d+\s*$/.test(raw)) return Number(raw);
      return /^\s*0x[0-9a-f]+\s*$/i.test(raw) ? parseInt(raw, 16) : raw;
    case 'blockList':
      // Phrases hold spaces, so entries are separated by lines (or semicolons, for one MSI or REG_SZ string).
      if (typeof raw === 'string') return splitEntries(raw);
      return Array.isArray(raw)
        ? raw.flatMap((item: unknown) => (typeof item === 'string' ? splitEntries(item) : [item]))
        : raw;
    case 'quietHours': {
      if (typeof raw !== 'string') return raw;
      if (/^\s*(off|none)?\s*$/i.test(raw)) return null;
      const match = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(raw);
      return match ? { start: (match[1] ?? '').padStart(5, '0'), end: (match[2] ?? '').padStart(5, '0') } : raw;
    }
    case 'url':
    case 'secret':
    case 'text':
      return raw;
  }
}
