/** Where the posts come from, in a sentence for the settings' feed list; null when that is plain (no endpoint). */
import type { PostSource } from '../../common/domain.ts';
import { relativeTime } from './relative-time.ts';

const OWN = 'This computer checks the feeds itself';

export function postSourceText(source: PostSource, now: Date): string | null {
  switch (source.from) {
    case 'endpoint':
      return 'Posts come from your organisation’s Advocate endpoint, which checks the feeds for everyone.';
    case 'fallback':
      return `Your organisation’s endpoint last answered ${relativeTime(source.answeredAt, now) ?? 'a while ago'}. ${OWN} until it answers again; no post is announced twice.`;
    case 'desktop':
      switch (source.why) {
        case 'no-endpoint':
          return null;
        case 'policy':
          return `${OWN}, as your organisation has set.`;
        case 'endpoint-has-no-feeds':
          return `${OWN}: your organisation’s endpoint has none.`;
        case 'endpoint-not-heard':
          return `${OWN}: your organisation’s endpoint has not sent posts yet.`;
      }
  }
}
