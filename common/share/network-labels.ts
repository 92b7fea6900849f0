/** How each network is named to people. */
import type { Network } from '../domain.ts';

export const NETWORK_LABELS: Readonly<Record<Network, string>> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  bluesky: 'Bluesky',
  threads: 'Threads',
  mastodon: 'Mastodon',
  xing: 'XING',
  email: 'Email',
};
