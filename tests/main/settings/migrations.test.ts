/** Upgrading the person's settings file from older versions. */
import { describe, expect, it } from 'vitest';
import { migrateSettings, SETTINGS_SCHEMA_VERSION } from '../../../main/settings/migrations.ts';

describe('settings migrations', () => {
  it("upgrades a 0.1.0 file: copied defaults dropped, the person's feeds become their own feeds", () => {
    expect(migrateSettings({ feedUrls: ['https://mine.example/feed'], endpointUrl: null })).toEqual({
      data: { userFeedUrls: ['https://mine.example/feed'], schemaVersion: SETTINGS_SCHEMA_VERSION },
      fromVersion: 0,
      changed: true,
    });
    expect(migrateSettings({ feedUrls: [], endpointUrl: 'https://advocate.example.com/' }).data).toEqual({
      endpointUrl: 'https://advocate.example.com/',
      schemaVersion: SETTINGS_SCHEMA_VERSION,
    });
  });

  it('leaves a current file, and a file from a newer version, as they are', () => {
    const current = { schemaVersion: SETTINGS_SCHEMA_VERSION, pollIntervalMinutes: 15 };
    expect(migrateSettings(current)).toEqual({ data: current, fromVersion: SETTINGS_SCHEMA_VERSION, changed: false });
    const newer = { schemaVersion: SETTINGS_SCHEMA_VERSION + 1, somethingNew: true };
    expect(migrateSettings(newer).changed).toBe(false);
  });

  it('treats a nonsense version as the oldest', () => {
    expect(migrateSettings({ schemaVersion: 'one', feedUrls: ['https://mine.example/feed'] }).data).toMatchObject({
      userFeedUrls: ['https://mine.example/feed'],
    });
  });
});
