/** Results: the person's own figures always; clicks, team, leaderboard and their chart rows with an endpoint. */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResultsView as Results } from '../../../common/sharing.ts';
import { ResultsView } from '../../../renderer/views/ResultsView.tsx';
import { EMPTY_RESULTS, fakeApi, summary } from '../fake-api.ts';
import { renderWith } from '../render.tsx';
import { pinViewNow, VIEW_NOW } from '../view-now.ts';

afterEach(cleanup);
pinViewNow();

function show(results: Results, onRefresh: () => Promise<unknown> = () => Promise.resolve()) {
  let settingsAsked = 0;
  renderWith(
    fakeApi([]),
    <ResultsView
      results={{ status: 'ready', value: results }}
      sync={null}
      onRetry={() => undefined}
      onRefresh={onRefresh}
      onSettings={() => (settingsAsked += 1)}
      focusTitle={false}
    />,
  );
  return { settingsAsked: () => settingsAsked };
}

const tile = (label: string): string | null => screen.getByText(label).nextElementSibling?.textContent ?? null;

describe('ResultsView', () => {
  it("shows the desktop's own figures without an endpoint, and what an endpoint would add", () => {
    const local = { ...EMPTY_RESULTS.local, sharesThisWeek: 1, sharesThisMonth: 4, streakWeeks: 2 };
    const view = show({ ...EMPTY_RESULTS, local });
    expect(tile('This week')).toBe('1 share');
    expect(tile('This month')).toBe('4 shares');
    expect(tile('Streak')).toBe('2 weeks');
    expect(screen.queryByText('Clicks on your links')).toBeNull();
    expect(screen.getByText('Your shares are counted on this desktop only.')).toBeTruthy();
    const more = screen.getByRole('region', { name: 'See more with your organisation’s endpoint' });
    expect(more.textContent).toContain('the clicks your links drove, your team’s totals and the leaderboard');
    fireEvent.click(within(more).getByRole('button', { name: 'Connect in Settings' }));
    expect(view.settingsAsked()).toBe(1);
  });

  it("shows clicks, team and everyone's totals and the leaderboard from the endpoint's summary", () => {
    show({
      ...EMPTY_RESULTS,
      summary: summary(),
      sync: { state: 'ok', pending: 0, lastSyncAt: VIEW_NOW.toISOString() },
    });
    expect(tile('This week')).toBe('2 shares');
    expect(tile('Clicks on your links')).toBe('42');
    expect(screen.getByText('Your shares drove 42 visits to the blog.')).toBeTruthy();
    const totals = screen.getByRole('region', { name: 'Together' });
    expect(
      within(totals)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Your team, Research: 30 shares by you and 3 colleagues',
      'Everyone: 160 shares by you and 24 colleagues',
    ]);
    const board = screen.getByRole('region', { name: 'Leaderboard' });
    expect(
      within(board)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1Grace20 shares', '2Linus11 shares', '3You7 shares']);
    expect(within(board).queryByText(/Your rank/)).toBeNull();
    expect(screen.getByText('Up to date.')).toBeTruthy();
  });

  it("keeps an anonymous leaderboard anonymous, and gives the person's rank when off the list", () => {
    const anonymous = summary({
      anonymous: true,
      leaderboard: [
        { rank: 1, displayName: null, shares: 20, me: false },
        { rank: 2, displayName: null, shares: 11, me: false },
      ],
      me: { ...summary().me, rank: 14, shares: 1 },
    });
    show({ ...EMPTY_RESULTS, summary: anonymous });
    const board = screen.getByRole('region', { name: 'Leaderboard' });
    expect(board.textContent).toContain('Your organisation keeps the leaderboard anonymous');
    expect(
      within(board)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1A colleague20 shares', '2A colleague11 shares']);
    expect(board.textContent).toContain('Your rank: 14, with 1 share.');
  });

  it('charts nine weeks for you and your team, readable as a table', () => {
    const { container } = renderWith(
      fakeApi([]),
      <ResultsView
        results={{ status: 'ready', value: { ...EMPTY_RESULTS, summary: summary() } }}
        sync={null}
        onRetry={() => undefined}
        onRefresh={() => Promise.resolve()}
        onSettings={() => undefined}
        focusTitle={false}
      />,
    );
    const table = screen.getByRole('table', { name: /Shares per week/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Week of', 'You', 'Team']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(9);
    const thisWeek = rows.at(-1);
    expect(
      thisWeek &&
        within(thisWeek)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
    ).toEqual(['2', '4']);
    // Team bars: the tallest week (5) fills the 39-unit area when the scale tops at 5.
    const teamBars = container.querySelectorAll('.chart__bars--1 rect');
    expect(teamBars).toHaveLength(9);
    expect(Number(teamBars[5]?.getAttribute('height'))).toBe(39);
  });

  it('says when shares are waiting for the endpoint, what is kept, and what happens next', () => {
    show({
      ...EMPTY_RESULTS,
      sync: { state: 'waiting', pending: 3, problem: 'unreachable', retryAt: null },
    });
    expect(
      screen.getByText(
        'Your organisation’s endpoint cannot be reached right now. Your 3 shares are kept on this desktop. Advocate tries again by itself; if this lasts, tell your IT department.',
      ),
    ).toBeTruthy();
  });

  it('says "Up to date" only within a minute of the last check, and how old the figures are after that', () => {
    // Tried: a check 20 s ago, then one 5 minutes ago. Must hold: "Up to date." only for the first.
    show({
      ...EMPTY_RESULTS,
      summary: summary(),
      sync: { state: 'ok', pending: 0, lastSyncAt: new Date(Date.now() - 20_000).toISOString() },
    });
    expect(screen.getByText('Up to date.')).toBeTruthy();
    cleanup();
    show({
      ...EMPTY_RESULTS,
      summary: summary(),
      sync: { state: 'ok', pending: 0, lastSyncAt: new Date(Date.now() - 5 * 60_000).toISOString() },
    });
    expect(screen.queryByText('Up to date.')).toBeNull();
    expect(
      screen.getByText('Figures as of 5 min ago. Refresh to check with your organisation’s endpoint.'),
    ).toBeTruthy();
  });

  it('has a Refresh that asks main to check now, says it is checking until main answers, and none without an endpoint', async () => {
    let answer: () => void = () => undefined;
    let asked = 0;
    show({ ...EMPTY_RESULTS, summary: summary(), sync: { state: 'ok', pending: 0, lastSyncAt: null } }, () => {
      asked += 1;
      return new Promise<void>((resolve) => {
        answer = resolve;
      });
    });
    const refresh = screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' });
    fireEvent.click(refresh);
    expect(asked).toBe(1);
    expect(screen.getByText('Checking with your organisation’s endpoint…')).toBeTruthy();
    expect(refresh.disabled).toBe(true);
    answer();
    await vi.waitFor(() => {
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' }).disabled).toBe(false);
    });
    cleanup();
    show(EMPTY_RESULTS);
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
  });

  it('offers to try again when the results cannot be loaded', () => {
    let retried = 0;
    renderWith(
      fakeApi([]),
      <ResultsView
        results={{ status: 'error', message: 'no answer' }}
        sync={null}
        onRetry={() => (retried += 1)}
        onRefresh={() => Promise.resolve()}
        onSettings={() => undefined}
        focusTitle={false}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Your results could not be loaded: no answer');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
  });
});
