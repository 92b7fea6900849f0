/**
 * Upgrades the person's settings file (electron-store's JSON) from older app versions. Each step is a
 * pure function from one version's shape to the next; the file records its version in `schemaVersion`.
 */
export const SETTINGS_VERSION_KEY = 'schemaVersion';
export const SETTINGS_SCHEMA_VERSION = 1;

type Data = Readonly<Record<string, unknown>>;

/** MIGRATIONS[n] turns a version n-1 file into a version n file. */
const MIGRATIONS: Readonly<Record<number, (data: Data) => Data>> = {
  /**
   * 0.1.0 let electron-store write its defaults into the file ({ feedUrls: [], endpointUrl: null }), which
   * would hide the machine defaults file below, and kept the person's feeds as `feedUrls`, which is now
   * the organisation's list. Drop the copied defaults; the person's feeds become their own feeds.
   */
  1: ({ feedUrls, endpointUrl, ...rest }) => ({
    ...rest,
    ...(Array.isArray(feedUrls) && feedUrls.length > 0 ? { userFeedUrls: feedUrls } : {}),
    ...(endpointUrl === null || endpointUrl === undefined ? {} : { endpointUrl }),
  }),
};

export interface Migration {
  readonly data: Data;
  readonly fromVersion: number;
  readonly changed: boolean;
}

export function migrateSettings(raw: Data): Migration {
  const stored = raw[SETTINGS_VERSION_KEY];
  const fromVersion = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
  // A file from a newer version is read as it is: its known keys still pass the usual checks.
  if (fromVersion >= SETTINGS_SCHEMA_VERSION) return { data: raw, fromVersion, changed: false };
  let data = raw;
  for (let version = fromVersion + 1; version <= SETTINGS_SCHEMA_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (step) data = step(data);
  }
  return { data: { ...data, [SETTINGS_VERSION_KEY]: SETTINGS_SCHEMA_VERSION }, fromVersion, changed: true };
}
