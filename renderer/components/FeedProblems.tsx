import type { Feed } from '../../common/domain.ts';
import { displayText, TEXT_LIMITS } from '../text/display-text.ts';
import { feedStatusText, hasProblem } from '../text/feed-status.ts';

/** Feeds that failed, each with what went wrong in plain words, above the post list. */
export function FeedProblems({
  feeds,
  now,
  onSettings,
}: {
  feeds: readonly Feed[];
  now: Date;
  onSettings: () => void;
}) {
  const failing = feeds.filter((feed) => hasProblem(feed.status));
  if (failing.length === 0) return null;
  return (
    <section className="notice notice--warning" aria-label="Feed problems">
      <ul className="notice__list">
        {failing.map((feed) => (
          <li key={feed.id}>
            <strong dir="auto">{displayText(feed.title || feed.url, TEXT_LIMITS.feed)}</strong>
            {': '}
            {feedStatusText(feed.status, now)}
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onSettings}>
        Feed settings
      </button>
    </section>
  );
}
