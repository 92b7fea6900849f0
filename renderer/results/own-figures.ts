/**
 * The person's own figures for the results view. The journal on this desktop answers at once (a share
 * counts the moment it is marked); the endpoint's summary also counts the person's other desktops but
 * only as of the last sync. Each figure is the larger of the two, so a fresh share shows immediately
 * and shares from elsewhere are not hidden.
 */
import type { WeekCount } from '../../common/protocol.ts';
import type { ResultsView } from '../../common/sharing.ts';

export interface OwnFigures {
  readonly sharesThisWeek: number;
  readonly sharesThisMonth: number;
  readonly streakWeeks: number;
  /** Null without an endpoint: only the endpoint counts clicks. */
  readonly clicks: number | null;
  readonly weekly: readonly WeekCount[];
}

function largerPerWeek(local: readonly WeekCount[], remote: readonly WeekCount[]): WeekCount[] {
  const byWeek = new Map(local.map((entry) => [entry.week, entry.shares]));
  for (const entry of remote) byWeek.set(entry.week, Math.max(byWeek.get(entry.week) ?? 0, entry.shares));
  return [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, shares]) => ({ week, shares }));
}

export function ownFigures({ local, summary }: Pick<ResultsView, 'local' | 'summary'>): OwnFigures {
  if (!summary) return { ...local, clicks: null };
  const me = summary.me;
  const weekly = largerPerWeek(local.weekly, me.weekly);
  return {
    sharesThisWeek: Math.max(local.sharesThisWeek, me.sharesThisWeek),
    sharesThisMonth: Math.max(local.sharesThisMonth, me.sharesThisMonth),
    streakWeeks: Math.max(local.streakWeeks, me.streakWeeks),
    clicks: me.clicks,
    // Computed a few minutes apart, the two can straddle a Monday: keep the latest weeks only.
    weekly: weekly.slice(-Math.max(local.weekly.length, me.weekly.length)),
  };
}
