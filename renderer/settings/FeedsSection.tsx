import { Card } from '../components/Card.tsx';
import type { Feed, PostSource } from '../../common/domain.ts';
import type { SettingsView } from '../../common/settings.ts';
import { displayLink, displayText, TEXT_LIMITS } from '../text/display-text.ts';
import { feedStatusText, hasProblem } from '../text/feed-status.ts';
import { postSourceText } from '../text/post-source.ts';
import { AddFeedForm } from './AddFeedForm.tsx';
import { LockNote } from './LockNote.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useSaveSettings } from './use-save-settings.ts';

/** The organisation's feeds and the person's own, each with its status in plain words; add and remove. */
export function FeedsSection({
  settings,
  feeds,
  postSource,
  now,
}: {
  settings: SettingsView;
  feeds: readonly Feed[] | null;
  postSource: PostSource | null;
  now: Date;
}) {
  const state = useSaveSettings();
  const { values, locked } = settings;
  const own = values.userFeedUrls;
  const lock = locked.userFeedUrls;
  const statusOf = (url: string): Feed | undefined => feeds?.find((feed) => feed.url === url);
  // What main polls, plus configured feeds it has not taken up yet; the person's own can be removed.
  const urls = [...new Set([...(feeds ?? []).map((feed) => feed.url), ...values.feedUrls, ...own])];
  const rows = urls.map((url) => ({ url, mine: own.includes(url) }));
  const source = postSource && postSourceText(postSource, now);
  return (
    <Card id="feeds-title" title="Feeds">
      {source && <p className="note">{source}</p>}
      {rows.length === 0 ? (
        <p className="note">No feeds yet.</p>
      ) : (
        <ul className="feeds">
          {rows.map(({ url, mine }) => {
            const feed = statusOf(url);
            return (
              <li key={url} className="feeds__item">
                <div className="feeds__text">
                  <p className="feeds__title" dir="auto">
                    {displayText(feed?.title || displayLink(url), TEXT_LIMITS.feed)}
                  </p>
                  <p className="feeds__url">{displayLink(url)}</p>
                  <p
                    className={
                      feed && hasProblem(feed.status) ? 'feeds__status feeds__status--problem' : 'feeds__status'
                    }
                  >
                    {feed ? feedStatusText(feed.status, now) : 'Not checked yet'}
                    {!mine && ' · from your organisation'}
                  </p>
                </div>
                {mine && (
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={lock !== undefined || state.busy}
                    aria-label={`Remove ${displayText(feed?.title || displayLink(url), TEXT_LIMITS.feed)}`}
                    onClick={() => void state.save({ userFeedUrls: own.filter((candidate) => candidate !== url) })}
                  >
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <SaveStatus state={state} />
      <AddFeedForm existing={own} lockId={lock === undefined ? null : 'feeds-lock'} state={state} />
      <LockNote id="feeds-lock" reason={lock} />
    </Card>
  );
}
