/**
 * Every sentence of the window that counts people or shares, so each says exactly what it counts: people
 * who shared (the endpoint's `people`), with the person named as "you" when they are among them, never
 * counted as their own colleague.
 */
import type { Summary } from '../../common/protocol.ts';
import { formatCount, plural, pluralWord } from '../../common/plural.ts';

const total = (weeks: readonly { readonly shares: number }[]): number =>
  weeks.reduce((sum, week) => sum + week.shares, 0);

/** "you", "you and 2 colleagues", "3 colleagues": `people` shared, the person among them or not. */
export function whoShared(people: number, youAmong: boolean): string {
  const colleagues = Math.max(0, people - (youAmong ? 1 : 0));
  if (!youAmong) return plural(colleagues, 'colleague');
  return colleagues === 0 ? 'you' : `you and ${plural(colleagues, 'colleague')}`;
}

/**
 * Who shared a post, from the endpoint's figures for it: `people` who have it shared (null without an
 * endpoint, or when it has not counted the post), `shares` standing, `yours` when this desktop has it shared.
 */
export function postSharersText(people: number | null, shares: number | null, yours: boolean): string | null {
  if (people !== null && people > 0) return `Shared by ${whoShared(people, yours)}`;
  if (yours) return people === null && shares === null ? null : 'Shared by you';
  if (people === 0 || shares === 0) return 'No one has shared it yet. Be the first.';
  if (shares !== null) return `Shared ${timesText(shares)} at your organisation`;
  return null;
}

/** "once", "2 times": how often something was shared. */
export function timesText(count: number): string {
  return count === 1 ? 'once' : plural(count, 'time');
}

/** A group's standing shares and who made them: "15 shares by you and 2 colleagues", "no shares yet". */
export function groupText(group: { readonly shares: number; readonly people: number }, youShared: boolean): string {
  if (group.shares === 0 || group.people === 0) return 'no shares yet';
  return `${plural(group.shares, 'share')} by ${whoShared(group.people, youShared)}`;
}

/** The guide's sentence about the last two months, with the team when the person has one. */
export function recentSharingText(summary: Pick<Summary, 'me' | 'team' | 'organisation'>): string {
  const everyone = total(summary.organisation.weekly);
  const yours = total(summary.me.weekly);
  if (everyone === 0)
    return 'Nobody at your organisation has shared a post in the last two months: yours can be the first.';
  const team = summary.team === null ? null : total(summary.team.weekly);
  const groups =
    team === null
      ? `people at your organisation shared posts ${timesText(everyone)}`
      : `your team shared posts ${timesText(team)}, and everyone at your organisation ${timesText(everyone)}`;
  return `In the last two months ${groups}.${yoursText(yours, everyone)}`;
}

function yoursText(yours: number, everyone: number): string {
  if (yours === 0) return '';
  if (yours >= everyone) return everyone === 1 ? ' That share was yours.' : ' All of them were yours.';
  return ` ${formatCount(yours)} of those shares ${pluralWord(yours, 'was', 'were')} yours.`;
}

/** The person's place when the leaderboard does not list them: "Your rank: 12, with 1 share." */
export function rankText(rank: number, shares: number): string {
  return `Your rank: ${String(rank)}, with ${plural(shares, 'share')}.`;
}
