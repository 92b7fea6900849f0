/** Built-in defaults: the lowest layer, what a desktop does with no policy, no machine file and no choices. */
import { DEFAULT_ARCHIVE_DAYS } from '../../common/archive.ts';
import { NETWORKS } from '../../common/domain.ts';
import type { Settings } from '../../common/settings.ts';

export const DEFAULT_SETTINGS: Settings = {
  endpointUrl: null,
  enrollmentCode: null,
  feedUrls: [],
  allowUserFeeds: true,
  userFeedUrls: [],
  pollIntervalMinutes: 30,
  endpointFallbackMinutes: 30,
  pollFeedsOnDesktop: false,
  quietHours: null,
  dailyNotificationCap: 10,
  enabledNetworks: NETWORKS,
  disclosureText: '',
  offerCutToFit: true,
  blockList: [],
  archiveDays: DEFAULT_ARCHIVE_DAYS,
  archiveToEndpoint: false,
  trainingUrl: null,
  startAtLogin: true,
  displayName: '',
  team: '',
  mastodonInstance: '',
};
