/** The guide's "why shares matter", with the real numbers the person and their team have. */
import type { ResultsView } from '../../common/sharing.ts';
import { plural } from '../../common/plural.ts';
import { recentSharingText } from '../text/counts.ts';

export function whyItMatters(results: ResultsView | null): string[] {
  const lines = [
    'People trust what a person they know shares far more than what a company account posts, and your network is not the company’s followers.',
  ];
  if (results === null) return lines;
  const { summary, local } = results;
  if (summary) {
    lines.push(recentSharingText(summary));
    if (summary.me.clicks > 0) lines.push(`Your own links brought ${plural(summary.me.clicks, 'visit')} to the blog.`);
  } else if (local.sharesThisMonth > 0) {
    lines.push(`You have shared ${plural(local.sharesThisMonth, 'post')} this month.`);
  }
  return lines;
}
