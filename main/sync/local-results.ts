/**
 * The person's results from this desktop's own journal, so the results view has figures with no
 * endpoint at all. A share counts while it stands: per post and network the newest event decides.
 */
import type { ShareEvent } from '../../common/domain.ts';
import type { LocalResults } from '../../common/sharing.ts';
import { monthStart, previousWeek, recentWeeks, weekOf, weekStart } from '../../common/weeks.ts';

const WEEKS_SHOWN = 9;

/** The event that decides each post and network: the newest click (the later one recorded on a tie). */
export function decisiveEvents(events: Iterable<ShareEvent>): Map<string, ShareEvent> {
  const latest = new Map<string, ShareEvent>();
  for (const event of events) {
    const key = `${event.postKey}\u0000${event.network}`;
    const seen = latest.get(key);
    if (!seen || seen.at <= event.at) latest.set(key, event);
  }
  return latest;
}

export function localResults(events: readonly ShareEvent[], now: Date): LocalResults {
  const standing = [...decisiveEvents(events).values()].filter((event) => event.type === 'shared');
  const perWeek = new Map<string, number>();
  for (const event of standing) perWeek.set(weekOf(event.at), (perWeek.get(weekOf(event.at)) ?? 0) + 1);

  const thisWeek = weekOf(now.toISOString());
  let week = (perWeek.get(thisWeek) ?? 0) > 0 ? thisWeek : previousWeek(thisWeek);
  let streakWeeks = 0;
  while ((perWeek.get(week) ?? 0) > 0) {
    streakWeeks += 1;
    week = previousWeek(week);
  }
  const since = (start: string): number => standing.filter((event) => event.at >= start).length;
  return {
    sharesThisWeek: since(weekStart(now)),
    sharesThisMonth: since(monthStart(now)),
    streakWeeks,
    weekly: recentWeeks(now, WEEKS_SHOWN).map((monday) => ({ week: monday, shares: perWeek.get(monday) ?? 0 })),
  };
}
