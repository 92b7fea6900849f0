/** The one list of policy keys: what DESIGN.md promises IT, and what the installer (issue 8) writes. */
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS, policyKeyNamed, WINDOWS_POLICY_PATH } from '../../../main/settings/policy-keys.ts';

describe('policy keys', () => {
  it('covers every key DESIGN.md lists for IT (and OfferCutToFit, issue 15; the endpoint as the source of posts, issue 12; BlockList, ArchiveDays, ArchiveToEndpoint, issue 14), each once', () => {
    expect(POLICY_KEYS.map((key) => key.setting)).toEqual([
      'endpointUrl',
      'enrollmentCode',
      'feedUrls',
      'allowUserFeeds',
      'pollIntervalMinutes',
      'endpointFallbackMinutes',
      'pollFeedsOnDesktop',
      'quietHours',
      'dailyNotificationCap',
      'enabledNetworks',
      'disclosureText',
      'offerCutToFit',
      'blockList',
      'archiveDays',
      'archiveToEndpoint',
      'trainingUrl',
      'startAtLogin',
    ]);
    expect(new Set(POLICY_KEYS.map((key) => key.name.toLowerCase())).size).toBe(POLICY_KEYS.length);
  });

  it('names the registry values and types the MSI and ADMX templates write', () => {
    expect(WINDOWS_POLICY_PATH).toBe('SOFTWARE\\Policies\\Advocate');
    const table = Object.fromEntries(POLICY_KEYS.map((key) => [key.name, [key.registryType, key.msiProperty ?? null]]));
    expect(table).toEqual({
      EndpointUrl: ['REG_SZ', 'ENDPOINT_URL'],
      EnrollmentCode: ['REG_SZ', 'ENROLLMENT_CODE'],
      FeedUrls: ['REG_MULTI_SZ', 'FEED_URLS'],
      AllowUserFeeds: ['REG_DWORD', null],
      PollIntervalMinutes: ['REG_DWORD', null],
      EndpointFallbackMinutes: ['REG_DWORD', null],
      PollFeedsOnDesktop: ['REG_DWORD', null],
      QuietHours: ['REG_SZ', null],
      DailyNotificationCap: ['REG_DWORD', null],
      EnabledNetworks: ['REG_MULTI_SZ', null],
      DisclosureText: ['REG_SZ', null],
      OfferCutToFit: ['REG_DWORD', null],
      BlockList: ['REG_MULTI_SZ', null],
      ArchiveDays: ['REG_DWORD', null],
      ArchiveToEndpoint: ['REG_DWORD', null],
      TrainingUrl: ['REG_SZ', null],
      Autostart: ['REG_DWORD', 'AUTOSTART'],
    });
  });

  it("gives number keys their bounds, for the templates' decimal elements", () => {
    expect(policyKeyNamed('pollintervalminutes')?.range).toEqual({ min: 5, max: 1440 });
    expect(policyKeyNamed('DailyNotificationCap')?.range).toEqual({ min: 0, max: 100 });
    expect(policyKeyNamed('EndpointFallbackMinutes')?.range).toEqual({ min: 5, max: 10080 });
    expect(policyKeyNamed('ArchiveDays')?.range).toEqual({ min: 1, max: 3650 });
    expect(policyKeyNamed('Autostart')?.range).toBeUndefined();
  });
});
