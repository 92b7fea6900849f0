/**
 * The settings as main uses them: the person's file (through a small store port: electron-store in the
 * app, memory in the preview and tests) between the machine defaults and the policy layers, upgraded on
 * open, changed only through `update`, which refuses locked keys and bad values with a message for the
 * window and writes nothing unless every value is good.
 */
import { looksLikeEnrollmentCode } from '../../common/enrollment-code.ts';
import { ENROLLMENT_CODE_SHAPE_TEXT } from '../../common/messages.ts';
import {
  LOCKED_BY_POLICY,
  USER_FEEDS_NOT_ALLOWED,
  type SettingKey,
  type Settings,
  type SettingsUpdate,
  type SettingsView,
} from '../../common/settings.ts';
import type { Logger } from '../core/ports.ts';
import { IpcRequestError } from '../ipc/ipc-request-error.ts';
import {
  personLayer,
  resolveSettings,
  type Layer,
  type ResolvedSettings,
  type SettingProblem,
  type SettingSource,
} from './layers.ts';
import { migrateSettings } from './migrations.ts';
import { checkSetting, isPersonKey, isSettingKey, SETTING_RULES } from './setting-rules.ts';

/** The person's settings file. */
export interface KeyValueStore {
  read(): Readonly<Record<string, unknown>>;
  replace(data: Readonly<Record<string, unknown>>): void;
}

/** A store that lives as long as the process: the browser preview and tests. */
export function memoryStore(initial: Readonly<Record<string, unknown>> = {}): KeyValueStore {
  let data = { ...initial };
  return {
    read: () => data,
    replace(next) {
      data = { ...next };
    },
  };
}

export interface SettingsServiceOptions {
  readonly store: KeyValueStore;
  /** How problems name the person's file. */
  readonly storeOrigin: string;
  readonly machine: Layer;
  readonly policy: Layer;
  readonly log: Logger;
}

export interface SettingsReportRow {
  readonly key: SettingKey;
  /** JSON of the value; secrets only say whether they are set. */
  readonly value: string;
  readonly source: SettingSource;
}

export type SettingsListener = (values: Settings, changed: readonly SettingKey[]) => void;

export interface SettingsService {
  values(): Settings;
  view(): SettingsView;
  update(change: SettingsUpdate): SettingsView;
  /** The change as `update` would save it (values cleaned); throws the refusal `update` would, saving nothing. */
  check(change: SettingsUpdate): SettingsUpdate;
  onChange(listener: SettingsListener): () => void;
  /**
   * What IT presets, read again (main/settings/preset-watch.ts): a value it removed falls back to the
   * person's or the default one; listeners hear what changed, as for the person's own change.
   */
  replacePresets(presets: { readonly machine: Layer; readonly policy: Layer }): void;
  /** For the diagnostics report. */
  report(): { readonly rows: readonly SettingsReportRow[]; readonly problems: readonly SettingProblem[] };
}

function lockedKeys(resolved: ResolvedSettings): SettingsView['locked'] {
  const locked: { [K in SettingKey]?: string } = {};
  for (const key of Object.keys(resolved.sources) as SettingKey[]) {
    if (resolved.sources[key] === 'policy') locked[key] = LOCKED_BY_POLICY;
  }
  if (!resolved.values.allowUserFeeds) locked.userFeedUrls ??= USER_FEEDS_NOT_ALLOWED;
  return locked;
}

function changedKeys(before: Settings, after: Settings): SettingKey[] {
  return (Object.keys(after) as SettingKey[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const { store, log } = options;
  const migration = migrateSettings(store.read());
  if (migration.changed) {
    store.replace(migration.data);
    log.info('upgraded the settings file', { from: migration.fromVersion });
  }
  let presets = { machine: options.machine, policy: options.policy };
  let person = personLayer(store.read(), options.storeOrigin);
  let resolved = resolveSettings({ ...presets, person });
  const warn = (problems: readonly SettingProblem[]): void => {
    for (const problem of problems) log.warn('ignored a setting', { ...problem });
  };
  warn([...presets.machine.problems, ...person.problems, ...presets.policy.problems]);
  const listeners = new Set<SettingsListener>();

  function resolveAgain(why: string): void {
    const before = resolved.values;
    resolved = resolveSettings({ ...presets, person });
    const changed = changedKeys(before, resolved.values);
    if (changed.length === 0) return;
    log.info(why, { keys: changed });
    for (const listener of listeners) listener(resolved.values, changed);
  }

  function view(): SettingsView {
    const { enrollmentCode, ...values } = resolved.values;
    return { values, enrollmentCodeSet: enrollmentCode !== null, locked: lockedKeys(resolved) };
  }

  function checkedChange(change: SettingsUpdate): Record<string, unknown> {
    const locked = lockedKeys(resolved);
    const accepted: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(change) as [string, unknown][]) {
      if (!isSettingKey(key))
        throw new IpcRequestError(`there is no setting called ${JSON.stringify(key.slice(0, 64))}`);
      const label = SETTING_RULES[key].label;
      if (!isPersonKey(key)) throw new IpcRequestError(`${label} can only be set by your organisation`);
      const lock = locked[key];
      if (lock) throw new IpcRequestError(`${label}: ${lock}`);
      const checked = checkSetting(key, value);
      if (!checked.ok) throw new IpcRequestError(`${label} ${checked.reason}`);
      // Typed in the window: what can never be one of the endpoint's codes is refused before it is saved.
      if (key === 'enrollmentCode' && typeof checked.value === 'string' && !looksLikeEnrollmentCode(checked.value))
        throw new IpcRequestError(ENROLLMENT_CODE_SHAPE_TEXT);
      accepted[key] = checked.value;
    }
    return accepted;
  }

  return {
    values: () => resolved.values,
    view,
    check: checkedChange,
    update(change) {
      const accepted = checkedChange(change);
      store.replace({ ...store.read(), ...accepted });
      person = personLayer(store.read(), options.storeOrigin);
      resolveAgain('settings changed');
      return view();
    },
    replacePresets(next) {
      const fresh = (['machine', 'policy'] as const).filter(
        (rank) => JSON.stringify(next[rank]) !== JSON.stringify(presets[rank]),
      );
      if (fresh.length === 0) return;
      warn(fresh.flatMap((rank) => next[rank].problems));
      presets = { ...next };
      resolveAgain('what the organisation set changed');
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report() {
      const rows = (Object.keys(resolved.values) as SettingKey[]).map((key) => {
        const value = resolved.values[key];
        const shown =
          SETTING_RULES[key].kind === 'secret' ? (value === null ? 'not set' : 'set (hidden)') : JSON.stringify(value);
        return { key, value: shown, source: resolved.sources[key] };
      });
      return { rows, problems: [...presets.machine.problems, ...person.problems, ...presets.policy.problems] };
    },
  };
}
