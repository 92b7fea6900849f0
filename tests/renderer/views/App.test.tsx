/** The whole window: first-run onboarding, sections, a notification opening a post, the tray asking for settings. */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App.tsx';
import { onboardingSeen, rememberOnboardingSeen } from '../../../renderer/onboarding-flag.ts';
import { EMPTY_RESULTS, fakeApi, postView, summary, type FakeApi } from '../fake-api.ts';
import { renderWith } from '../render.tsx';
import { hoursAgo, pinViewNow } from '../view-now.ts';

beforeEach(() => {
  localStorage.clear();
});
afterEach(cleanup);
pinViewNow();

const TWO = [
  postView(),
  postView({ id: 'feed:2', title: 'Second post', unread: true, publishedAt: '2026-11-24T10:00:00.000Z' }),
];

function showApp(api: FakeApi = fakeApi(TWO), seen = true) {
  if (seen) rememberOnboardingSeen();
  renderWith(api, <App />);
  return api;
}

const nav = (name: string): HTMLElement => screen.getByRole('button', { name: new RegExp(`^${name}`) });

describe('App', () => {
  it('shows the three-step onboarding on first run only, and remembers it', () => {
    showApp(fakeApi(TWO), false);
    expect(screen.getByText('Welcome to Advocate · step 1 of 3')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'New posts come to you' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(document.activeElement?.textContent).toBe('Share in two clicks');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'See what it achieves' })).toBeTruthy();
    expect(onboardingSeen()).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Get started' }));
    expect(onboardingSeen()).toBe(true);
    expect(screen.getByRole('heading', { name: 'Posts' })).toBeTruthy();
    cleanup();
    renderWith(fakeApi(TWO), <App />);
    expect(screen.queryByText(/step 1 of 3/)).toBeNull();
  });

  it('lets the onboarding be skipped at the first step', () => {
    showApp(fakeApi(TWO), false);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(onboardingSeen()).toBe(true);
  });

  it('moves between sections, marking the current one and focusing its heading', async () => {
    showApp();
    await screen.findByRole('button', { name: /Second post/ });
    expect(nav('Posts').getAttribute('aria-current')).toBe('page');
    expect(nav('Posts').textContent).toBe('Posts1 unread');
    fireEvent.click(nav('Results'));
    expect(nav('Results').getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your results' }));
    fireEvent.click(nav('Guide'));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'How to share well' }));
    fireEvent.click(nav('Settings'));
    expect(await screen.findByRole('region', { name: 'Feeds' })).toBeTruthy();
  });

  it('opens a post from the list, marks it read, and goes back to it', async () => {
    const api = showApp();
    fireEvent.click(await screen.findByRole('button', { name: /Second post/ }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Second post');
    expect(api.read).toEqual(['feed:2']);
    fireEvent.click(screen.getByRole('button', { name: 'All posts' }));
    expect(document.activeElement?.getAttribute('data-post-id')).toBe('feed:2');
  });

  it('opens the post a notification click names, even over the onboarding', async () => {
    const api = showApp(fakeApi(TWO), false);
    expect(screen.getByText(/step 1 of 3/)).toBeTruthy();
    act(() => {
      api.push('openPost', { postId: 'feed:2' });
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Second post' })).toBeTruthy();
    expect(api.read).toEqual(['feed:2']);
  });

  it('shows the settings when the tray menu asks', async () => {
    const api = showApp();
    await screen.findByRole('button', { name: /Second post/ });
    act(() => {
      api.push('showSettings', null);
    });
    expect(nav('Settings').getAttribute('aria-current')).toBe('page');
  });

  it("shows in Settings the pause main reports, and follows the tray menu's changes", async () => {
    const api = showApp(fakeApi(TWO, { pausedUntil: hoursAgo(-1) }));
    fireEvent.click(nav('Settings'));
    const notifications = await screen.findByRole('region', { name: 'Notifications' });
    expect(within(notifications).getByText('Notifications paused until 16:00')).toBeTruthy();
    act(() => {
      api.push('notificationPauseChanged', { pausedUntil: null });
    });
    expect(within(notifications).getByText('Notifications on')).toBeTruthy();
    fireEvent.click(within(notifications).getByRole('button', { name: 'Pause until tomorrow' }));
    expect(await within(notifications).findByText('Notifications paused until 08:00 tomorrow')).toBeTruthy();
    expect(api.pauses).toEqual(['tomorrow']);
  });

  it('updates the list, the post and the results when main says so', async () => {
    const api = showApp(fakeApi(TWO, { results: EMPTY_RESULTS }));
    fireEvent.click(await screen.findByRole('button', { name: /Ship small/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark shared on LinkedIn' }));
    await screen.findByText('✓ Shared on LinkedIn');
    act(() => {
      api.push('postsChanged', [postView({ sharedOn: ['linkedin'], shareCount: 3 }), TWO[1] ?? postView()]);
      api.push('resultsChanged', {
        ...EMPTY_RESULTS,
        local: { ...EMPTY_RESULTS.local, sharesThisWeek: 1, sharesThisMonth: 1 },
        summary: summary({ posts: [{ postKey: 'https://blog.example.com/one', shares: 3, people: 3, clicks: 0 }] }),
      });
    });
    expect(screen.getByText('Shared by you and 2 colleagues')).toBeTruthy();
    fireEvent.click(nav('Results'));
    expect(screen.getByText('This week').nextElementSibling?.textContent).toBe('2 shares');
  });

  it('says a post is gone when main no longer has it', async () => {
    const api = showApp();
    await screen.findByRole('button', { name: /Second post/ });
    act(() => {
      api.push('openPost', { postId: 'feed:gone' });
    });
    expect(screen.getByRole('status').textContent).toBe('This post is no longer available.');
  });
});
