/**
 * What the person's Mastodon server allows in a post, as main read it from the server (getMastodonLimits),
 * kept current by `mastodonLimitsChanged`; Mastodon's defaults until main has an answer.
 */
import { DEFAULT_MASTODON_LIMITS, type MastodonLimits } from '../../common/share/length.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { readyValue, useLive } from './use-live.ts';

export function useMastodonLimits(): MastodonLimits {
  const api = useAdvocate();
  return readyValue(useLive(api.getMastodonLimits, api.onMastodonLimitsChanged).state) ?? DEFAULT_MASTODON_LIMITS;
}
