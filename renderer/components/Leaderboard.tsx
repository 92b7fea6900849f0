import type { Summary } from '../../common/protocol.ts';
import { pluralWord } from '../../common/plural.ts';
import { rankText } from '../text/counts.ts';
import { displayText, TEXT_LIMITS } from '../text/display-text.ts';
import { Card } from './Card.tsx';

/** The endpoint's top entries and, when the person is not among them, their own rank below. */
export function Leaderboard({ summary }: { summary: Summary }) {
  const { leaderboard, me, anonymous } = summary;
  const listed = leaderboard.some((entry) => entry.me);
  return (
    <Card id="leaderboard-title" title="Leaderboard">
      {anonymous && (
        <p className="note">Your organisation keeps the leaderboard anonymous: only your own name shows.</p>
      )}
      {leaderboard.length === 0 ? (
        <p className="note">No shares counted yet.</p>
      ) : (
        <ol className="leaderboard">
          {leaderboard.map((entry, index) => (
            // The endpoint sends the list in rank order and replaces it whole: the position is the identity.
            <li key={index} className={entry.me ? 'leaderboard__entry leaderboard__entry--me' : 'leaderboard__entry'}>
              <span className="leaderboard__rank">{entry.rank}</span>
              <span className="leaderboard__name" dir="auto">
                {entry.me
                  ? 'You'
                  : entry.displayName === null
                    ? 'A colleague'
                    : displayText(entry.displayName, TEXT_LIMITS.name)}
              </span>
              <span className="leaderboard__shares">
                {entry.shares}
                <span className="sr-only"> {pluralWord(entry.shares, 'share')}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {!listed && <p className="note">{rankText(me.rank, me.shares)}</p>}
    </Card>
  );
}
