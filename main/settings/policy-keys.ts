/**
 * THE list of what IT can preset, and under which name. One name per key is used everywhere: the value
 * name under HKLM/HKCU\SOFTWARE\Policies\Advocate, the key in the macOS managed preferences of the app's
 * bundle id, and the key in policy.json and defaults.json. Installer templates (ADMX/ADML,
 * .mobileconfig, policy.json) are checked against this list by a test, so they cannot drift apart.
 */
import type { SettingKey } from '../../common/settings.ts';
import { SETTING_RULES, type SettingKind } from './setting-rules.ts';

export type RegistryType = 'REG_SZ' | 'REG_DWORD' | 'REG_MULTI_SZ';

export interface PolicyKey {
  /** The one name IT writes: registry value, macOS preference key, JSON key. */
  readonly name: string;
  readonly setting: SettingKey;
  readonly kind: SettingKind;
  /** The type the ADMX template writes. Lists also read from one REG_SZ (what an MSI property can write). */
  readonly registryType: RegistryType;
  /** Bounds of a number, for the template's decimal element. */
  readonly range?: { readonly min: number; readonly max: number };
  /** The MSI public property that writes this value at install time, when there is one. */
  readonly msiProperty?: string;
  /** What the key does, in the words the templates and docs use. */
  readonly description: string;
}

/** Where Windows policies live, read from HKLM first, then HKCU for anything HKLM leaves unset. */
export const WINDOWS_POLICY_PATH = 'SOFTWARE\\Policies\\Advocate';
export const WINDOWS_POLICY_HIVES = ['HKLM', 'HKCU'] as const;

const REGISTRY_TYPES: { readonly [K in SettingKind]: RegistryType } = {
  url: 'REG_SZ',
  secret: 'REG_SZ',
  text: 'REG_SZ',
  quietHours: 'REG_SZ',
  urlList: 'REG_MULTI_SZ',
  networks: 'REG_MULTI_SZ',
  blockList: 'REG_MULTI_SZ',
  boolean: 'REG_DWORD',
  integer: 'REG_DWORD',
};

function policyKey(name: string, setting: SettingKey, description: string, msiProperty?: string): PolicyKey {
  const rule = SETTING_RULES[setting];
  return {
    name,
    setting,
    kind: rule.kind,
    registryType: REGISTRY_TYPES[rule.kind],
    ...(rule.range ? { range: rule.range } : {}),
    ...(msiProperty ? { msiProperty } : {}),
    description,
  };
}

export const POLICY_KEYS: readonly PolicyKey[] = [
  policyKey(
    'EndpointUrl',
    'endpointUrl',
    'Address of the shared endpoint that counts shares (http:// or https://).',
    'ENDPOINT_URL',
  ),
  policyKey(
    'EnrollmentCode',
    'enrollmentCode',
    'Code each desktop exchanges once for its own device token at the endpoint.',
    'ENROLLMENT_CODE',
  ),
  policyKey(
    'FeedUrls',
    'feedUrls',
    "The organisation's feed addresses; one per line, or separated by commas or spaces.",
    'FEED_URLS',
  ),
  policyKey('AllowUserFeeds', 'allowUserFeeds', 'Whether people may add feeds of their own (1) or not (0).'),
  policyKey('PollIntervalMinutes', 'pollIntervalMinutes', 'Minutes between two checks of the feeds (at least 5).'),
  policyKey(
    'EndpointFallbackMinutes',
    'endpointFallbackMinutes',
    'When the endpoint has feeds, desktops take their posts from it; after this many minutes without an answer from it (5 to 10080), a desktop polls the feeds itself until the endpoint answers again.',
  ),
  policyKey(
    'PollFeedsOnDesktop',
    'pollFeedsOnDesktop',
    'Whether desktops poll the feeds themselves (1) even when the endpoint has feeds, or take their posts from the endpoint (0).',
  ),
  policyKey(
    'QuietHours',
    'quietHours',
    'Local times without notifications, as HH:MM-HH:MM (22:00-07:00 spans midnight), or off.',
  ),
  policyKey(
    'DailyNotificationCap',
    'dailyNotificationCap',
    'Notifications per day at most; 0 leaves only the tray count.',
  ),
  policyKey(
    'EnabledNetworks',
    'enabledNetworks',
    'Networks offered for sharing: linkedin, x, facebook, bluesky, threads, mastodon, xing, email.',
  ),
  policyKey(
    'DisclosureText',
    'disclosureText',
    'A line every prepared message carries, for instance "I work at Example".',
  ),
  policyKey(
    'OfferCutToFit',
    'offerCutToFit',
    'Over a network’s limit, offer to copy a version cut to fit and open the network (1), or keep Open disabled until the message is shortened (0).',
  ),
  policyKey(
    'BlockList',
    'blockList',
    'Terms and phrases messages must not carry, one per line as "block: term" (Copy and Open are disabled) or "warn: term" (a warning only); combined with the endpoint’s list.',
  ),
  policyKey(
    'ArchiveDays',
    'archiveDays',
    'Days each share stays in the desktop’s archive (its final text, network, time, link and kit version), from 1 to 3650.',
  ),
  policyKey(
    'ArchiveToEndpoint',
    'archiveToEndpoint',
    'Whether each share’s final text also goes to the endpoint’s archive, for compliance review (1), or never leaves the desktop (0).',
  ),
  policyKey('TrainingUrl', 'trainingUrl', 'Address of the organisation’s guide to sharing on social networks.'),
  policyKey(
    'Autostart',
    'startAtLogin',
    'Whether Advocate starts when the person logs in (1) or not (0).',
    'AUTOSTART',
  ),
];

const BY_NAME = new Map(POLICY_KEYS.map((key) => [key.name.toLowerCase(), key]));

/** Registry value names are case-insensitive, so lookups are too. */
export function policyKeyNamed(name: string): PolicyKey | undefined {
  return BY_NAME.get(name.toLowerCase());
}
