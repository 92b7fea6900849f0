/** The results page: totals, the weekly trend, leaderboard, teams and per-post shares and clicks. */
import { NETWORKS } from '../../../common/domain.ts';
import type { WeekCount } from '../../../common/protocol.ts';
import { NETWORK_LABELS } from '../../../common/share/network-labels.ts';
import type { PostReport } from '../../reports/posts-report.ts';
import type { Standing } from '../../reports/standings.ts';
import type { TeamReport } from '../../reports/teams-report.ts';
import { weeklyChart } from '../chart.ts';
import { postCell } from '../post-cell.ts';
import { html } from '../html.ts';
import { csrfField, page } from '../layout.ts';

export interface OverviewData {
  readonly people: number;
  readonly shares: number;
  readonly clicks: number;
  /** Marked on share pages by someone unnamed (a channel's link): in no one's shares above. */
  readonly pageShares: number;
  /** Reported by landing pages against tracked links (POST /v1/conversions). */
  readonly conversions: number;
  readonly weekly: readonly WeekCount[];
  readonly leaders: readonly Standing[];
  readonly teams: readonly TeamReport[];
  readonly posts: readonly PostReport[];
  readonly anonymous: boolean;
}

export function overviewPage(data: OverviewData, csrfToken: string, notice: string | null): string {
  const thisWeek = data.weekly.at(-1)?.shares ?? 0;
  return page(
    { title: 'Results', csrfToken, notice },
    html`<ul class="totals">
        <li><strong>${data.people}</strong> people enrolled</li>
        <li><strong>${data.shares}</strong> shares standing</li>
        <li><strong>${thisWeek}</strong> shares this week</li>
        <li><strong>${data.clicks}</strong> clicks on shared links</li>
        <li><strong>${data.conversions}</strong> conversions landing pages reported from shared links</li>
        <li><strong>${data.pageShares}</strong> shares marked on share pages from channels, by people not named</li>
      </ul>
      <h2>Shares per week</h2>
      ${weeklyChart(data.weekly, 'Shares per week, last 12 weeks')}
      <h2>Leaderboard</h2>
      ${
        data.leaders.length === 0
          ? html`<p>No shares yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th class="number">Rank</th>
                  <th>Name</th>
                  <th>Team</th>
                  <th class="number">Shares</th>
                  <th class="number">Clicks</th>
                </tr>
              </thead>
              <tbody>
                ${data.leaders.map(
                  (leader) =>
                    html`<tr>
                      <td class="number">${leader.rank}</td>
                      <td>${leader.displayName}</td>
                      <td>${leader.team ?? '–'}</td>
                      <td class="number">${leader.shares}</td>
                      <td class="number">${leader.clicks}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      <form method="post" action="/dashboard/settings" class="stack">
        ${csrfField(csrfToken)}
        <label
          ><span
            ><input type="checkbox" name="anonymous" value="on" ${data.anonymous ? 'checked' : ''} /> Anonymous
            leaderboard</span
          >
          <span class="hint"
            >People see their own rank and the others' numbers, but no names. This dashboard always shows names.</span
          ></label
        >
        <p><button type="submit">Save setting</button></p>
      </form>
      <h2>Teams</h2>
      <table>
        <thead>
          <tr>
            <th>Team</th>
            <th class="number">People</th>
            <th class="number">Shares</th>
            <th class="number">Clicks</th>
          </tr>
        </thead>
        <tbody>
          ${data.teams.map(
            (team) =>
              html`<tr>
                <td>${team.name}</td>
                <td class="number">${team.people}</td>
                <td class="number">${team.shares}</td>
                <td class="number">${team.clicks}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>Posts</h2>
      <p>
        <a href="/dashboard/export/people.csv">Download people (CSV)</a> ·
        <a href="/dashboard/export/posts.csv">Download posts (CSV)</a>
      </p>
      ${
        data.posts.length === 0
          ? html`<p>No post has been shared yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Post</th>
                  <th class="number">People</th>
                  ${NETWORKS.map((network) => html`<th class="number">${NETWORK_LABELS[network]}<br /><span class="hint">shares / clicks</span></th>`)}
                  <th class="number">Unique visitors</th>
                </tr>
              </thead>
              <tbody>
                ${data.posts.map(
                  (post) =>
                    html`<tr>
                      ${postCell(post.postKey, post.title)}
                      <td class="number">${post.people}</td>
                      ${NETWORKS.map((network) => html`<td class="number">${post.sharesBy.get(network) ?? 0} / ${post.clicksBy.get(network) ?? 0}</td>`)}
                      <td class="number">${post.uniqueVisitors}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
