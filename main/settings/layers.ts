/**
 * The settings layers and their precedence, lowest first: built-in defaults < machine defaults file <
 * the person's settings < policy. Each layer holds only what its source really set, every value
 * checked; a value that fails is left out with a problem that says where it came from and why.
 */
import type { SettingKey, Settings } from '../../common/settings.ts';
import { DEFAULT_SETTINGS } from './defaults.ts';
import { policyKeyNamed } from './policy-keys.ts';
import { checkSetting, fromPolicyValue, isPersonKey, isSettingKey } from './setting-rules.ts';

export type SettingSource = 'default' | 'machine' | 'person' | 'policy';

export interface SettingProblem {
  /** Where the value came from: a file path, a registry key, "macOS managed preferences". */
  readonly origin: string;
  readonly key: string;
  readonly reason: string;
}

export type PartialSettings = { -readonly [K in SettingKey]?: Settings[K] };

export interface Layer {
  readonly values: Readonly<PartialSettings>;
  readonly problems: readonly SettingProblem[];
}

export const EMPTY_LAYER: Layer = { values: {}, problems: [] };

function put<K extends SettingKey>(target: PartialSettings, key: K, value: Settings[K]): void {
  target[key] = value;
}

/** A policy or machine-defaults source: keys are policy names (see policy-keys.ts), values may be text. */
export function policyLayer(raw: Readonly<Record<string, unknown>>, origin: string): Layer {
  const values: PartialSettings = {};
  const problems: SettingProblem[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const policy = policyKeyNamed(name);
    if (!policy) {
      problems.push({ origin, key: name, reason: 'is not a known policy name, so it was ignored' });
      continue;
    }
    const checked = checkSetting(policy.setting, fromPolicyValue(policy.kind, value));
    if (checked.ok) put(values, policy.setting, checked.value);
    else problems.push({ origin, key: policy.name, reason: `${checked.reason}, so it was ignored` });
  }
  return { values, problems };
}

/** The person's own file: setting keys, JSON values, and only the keys a person may set. */
export function personLayer(raw: Readonly<Record<string, unknown>>, origin: string): Layer {
  const values: PartialSettings = {};
  const problems: SettingProblem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isSettingKey(key)) continue; // bookkeeping such as schemaVersion, or a key from a newer version
    if (!isPersonKey(key)) {
      problems.push({ origin, key, reason: 'can only be set by the organisation, so it was ignored' });
      continue;
    }
    const checked = checkSetting(key, value);
    if (checked.ok) put(values, key, checked.value);
    else problems.push({ origin, key, reason: `${checked.reason}, so it was ignored` });
  }
  return { values, problems };
}

/** Several sources of one rank (HKCU then HKLM policy): a later layer's value wins. */
export function mergeLayers(...layers: readonly Layer[]): Layer {
  return {
    values: Object.assign({}, ...layers.map((layer) => layer.values)) as PartialSettings,
    problems: layers.flatMap((layer) => layer.problems),
  };
}

export interface ResolvedSettings {
  readonly values: Settings;
  readonly sources: { readonly [K in SettingKey]: SettingSource };
}

export function resolveSettings(layers: {
  readonly machine: Layer;
  readonly person: Layer;
  readonly policy: Layer;
}): ResolvedSettings {
  const values: PartialSettings = { ...DEFAULT_SETTINGS };
  const sources = Object.fromEntries(Object.keys(DEFAULT_SETTINGS).map((key) => [key, 'default'])) as Record<
    SettingKey,
    SettingSource
  >;
  const ranked: readonly [SettingSource, Layer][] = [
    ['machine', layers.machine],
    ['person', layers.person],
    ['policy', layers.policy],
  ];
  for (const [source, layer] of ranked) {
    for (const key of Object.keys(layer.values) as SettingKey[]) {
      put(values, key, layer.values[key] as Settings[typeof key]);
      sources[key] = source;
    }
  }
  const resolved = values as Settings;
  if (!resolved.allowUserFeeds && sources.userFeedUrls === 'person') {
    // Kept in the person's file (allowing feeds again brings them back), but not polled meanwhile.
    values.userFeedUrls = DEFAULT_SETTINGS.userFeedUrls;
    sources.userFeedUrls = 'default';
  }
  return { values: resolved, sources };
}

/** Every feed this desktop polls: the organisation's, then the person's own when allowed. */
export function feedsToPoll(settings: Settings): string[] {
  const own = settings.allowUserFeeds ? settings.userFeedUrls : [];
  return [...new Set([...settings.feedUrls, ...own])];
}
