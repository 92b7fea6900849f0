import { useState } from 'react';
import { SYNC_STATE_TEXT, WINDOW_TEXT } from '../../common/messages.ts';
import type { Summary } from '../../common/protocol.ts';
import type { ResultsView as Results, SyncStatus } from '../../common/sharing.ts';
import { Card } from '../components/Card.tsx';
import { Leaderboard } from '../components/Leaderboard.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { SyncNote } from '../components/SyncNote.tsx';
import { ViewFrame } from '../components/ViewFrame.tsx';
import { WeeklyChart, type ChartSeries } from '../components/WeeklyChart.tsx';
import type { Live } from '../data/use-live.ts';
import { useNow } from '../data/use-now.ts';
import { conversionsText } from '../results/conversions-text.ts';
import { ownFigures } from '../results/own-figures.ts';
import { groupText } from '../text/counts.ts';
import { displayText, TEXT_LIMITS } from '../text/display-text.ts';
import { formatCount, plural } from '../../common/plural.ts';

export interface ResultsViewProps {
  readonly results: Live<Results>;
  readonly sync: SyncStatus | null;
  readonly onRetry: () => void;
  /** Check the figures with the endpoint now. */
  readonly onRefresh: () => Promise<unknown>;
  readonly onSettings: () => void;
  readonly focusTitle: boolean;
}

/**
 * What the person's sharing achieved: their own figures always, the endpoint's clicks, team and leaderboard when there
 * is one.
 */
export function ResultsView({ results, sync, onRetry, onRefresh, onSettings, focusTitle }: ResultsViewProps) {
  const now = useNow(15_000);
  const status = sync ?? (results.status === 'ready' ? results.value.sync : null);
  return (
    <ViewFrame id="results-title" title="Your results" focusTitle={focusTitle}>
      {results.status === 'loading' && <p role="status">Loading your results…</p>}
      {results.status === 'error' && <LoadFailed what="Your results" message={results.message} onRetry={onRetry} />}
      {results.status === 'ready' && (
        <>
          {status && <Freshness status={status} now={now} onRefresh={onRefresh} />}
          <Figures results={results.value} />
          {results.value.summary ? (
            <Organisation summary={results.value.summary} />
          ) : (
            <WithoutEndpoint onSettings={onSettings} />
          )}
        </>
      )}
    </ViewFrame>
  );
}

/** How fresh the figures are, and a Refresh when there is an endpoint to ask. */
function Freshness({ status, now, onRefresh }: { status: SyncStatus; now: Date; onRefresh: () => Promise<unknown> }) {
  // From the click until main has checked (the figures and status arrive as events meanwhile).
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState(false);
  const refresh = (): void => {
    setFailed(false);
    setChecking(true);
    onRefresh().then(
      () => {
        setChecking(false);
      },
      () => {
        setChecking(false);
        setFailed(true);
      },
    );
  };
  return (
    <div className="freshness">
      {checking ? <p className="sync-note">{SYNC_STATE_TEXT.checking}</p> : <SyncNote status={status} now={now} />}
      {status.state !== 'no-endpoint' && (
        <button type="button" className="button button--secondary" disabled={checking} onClick={refresh}>
          Refresh
        </button>
      )}
      {failed && (
        <p className="form-error" role="alert">
          {WINDOW_TEXT.unexpected}
        </p>
      )}
    </div>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="tile">
      <dt className="tile__label">{label}</dt>
      <dd className="tile__value">{value}</dd>
    </div>
  );
}

function Figures({ results }: { results: Results }) {
  const own = ownFigures(results);
  const brought = conversionsText(results.summary?.me.conversions);
  const series: ChartSeries[] = [{ name: 'You', weeks: own.weekly }];
  const team = results.summary?.team ?? null;
  if (results.summary)
    series.push(
      team ? { name: 'Team', weeks: team.weekly } : { name: 'Everyone', weeks: results.summary.organisation.weekly },
    );
  return (
    <>
      <dl className="tiles">
        <Tile label="This week" value={plural(own.sharesThisWeek, 'share')} />
        <Tile label="This month" value={plural(own.sharesThisMonth, 'share')} />
        <Tile label="Streak" value={plural(own.streakWeeks, 'week')} />
        {own.clicks !== null && <Tile label="Clicks on your links" value={formatCount(own.clicks)} />}
      </dl>
      {own.clicks !== null && own.clicks > 0 && (
        <p className="highlight">Your shares drove {plural(own.clicks, 'visit')} to the blog.</p>
      )}
      {brought !== null && <p className="highlight">{brought}</p>}
      <WeeklyChart title="Shares per week, last two months" series={series} />
    </>
  );
}

function Organisation({ summary }: { summary: Summary }) {
  const { team, organisation, me } = summary;
  const youShared = me.shares > 0;
  return (
    <>
      <Card id="totals-title" title="Together">
        <ul className="totals">
          {team && (
            <li>
              Your team, <span dir="auto">{displayText(team.name, TEXT_LIMITS.name)}</span>
              {': '}
              {groupText(team, youShared)}
            </li>
          )}
          <li>Everyone: {groupText(organisation, youShared)}</li>
        </ul>
      </Card>
      <Leaderboard summary={summary} />
    </>
  );
}

function WithoutEndpoint({ onSettings }: { onSettings: () => void }) {
  return (
    <Card id="more-title" title="See more with your organisation’s endpoint">
      <p>
        Connected to the endpoint your organisation runs, this page also shows the clicks your links drove, your team’s
        totals and the leaderboard.
      </p>
      <button type="button" className="button button--secondary" onClick={onSettings}>
        Connect in Settings
      </button>
    </Card>
  );
}
