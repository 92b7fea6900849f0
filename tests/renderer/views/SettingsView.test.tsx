/**
 * Settings: feeds with status and where the posts come from, add (live check) and remove; locks greyed with the reason; saves and refusals; the
 * notification pause.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Feed, PostSource } from '../../../common/domain.ts';
import {
  LOCKED_BY_POLICY,
  USER_FEEDS_NOT_ALLOWED,
  type NotificationPause,
  type SettingsView as Settings,
} from '../../../common/settings.ts';
import { PROFILE_TEXT } from '../../../common/messages.ts';
import { SettingsView } from '../../../renderer/views/SettingsView.tsx';
import { fakeApi, feed, settingsView, type FakeApi, type FakeOptions } from '../fake-api.ts';
import { renderWith } from '../render.tsx';
import { hoursAgo, pinViewNow } from '../view-now.ts';

afterEach(cleanup);
pinViewNow();

/** The view kept current by settingsChanged and notificationPauseChanged, as App does. */
function show(
  settings: Settings,
  feeds: Feed[] = [],
  options: FakeOptions = {},
  postSource: PostSource = { from: 'desktop', why: 'no-endpoint' },
): FakeApi {
  const api = fakeApi([], { settings, ...options });
  const state: { settings: Settings; pause: NotificationPause } = {
    settings,
    pause: { pausedUntil: options.pausedUntil ?? null },
  };
  const ui = () => (
    <SettingsView
      settings={{ status: 'ready', value: state.settings }}
      feeds={feeds}
      postSource={postSource}
      sync={{ state: 'no-endpoint' }}
      pause={state.pause}
      onRetry={() => undefined}
      focusTitle={false}
    />
  );
  const view = renderWith(api, ui());
  api.onSettingsChanged((next) => {
    state.settings = next;
    view.rerender(ui());
  });
  api.onNotificationPauseChanged((next) => {
    state.pause = next;
    view.rerender(ui());
  });
  return api;
}

const section = (name: string): HTMLElement => screen.getByRole('region', { name });

describe('SettingsView', () => {
  it("lists every feed with its status in plain words; only the person's own can be removed", async () => {
    const orgFeed = feed({ url: 'https://blog.example.com/feed.xml', title: 'Company Blog' });
    const mine = feed({
      id: 'mine',
      url: 'https://team.example.com/rss',
      title: 'Team notes',
      status: {
        state: 'error',
        message: 'the server answered 404 Not Found',
        checkedAt: hoursAgo(0.25),
        nextCheckAt: hoursAgo(-0.5),
      },
    });
    const api = show(settingsView({}, { feedUrls: [orgFeed.url], userFeedUrls: [mine.url] }), [orgFeed, mine]);
    const feeds = within(section('Feeds')).getAllByRole('listitem');
    expect(feeds[0]?.textContent).toContain('Company Blog');
    expect(feeds[0]?.textContent).toContain('from your organisation');
    expect(within(feeds[0] as HTMLElement).queryByRole('button')).toBeNull();
    expect(feeds[1]?.textContent).toContain('The server answered 404 Not Found. Next try at 15:30.');
    fireEvent.click(within(feeds[1] as HTMLElement).getByRole('button', { name: 'Remove Team notes' }));
    await waitFor(() => {
      expect(api.settingsUpdates).toEqual([{ userFeedUrls: [] }]);
    });
  });

  it('says where the posts come from: the endpoint, the fallback since its last answer, or this computer and why', () => {
    const sourceNote = (postSource: PostSource): string | null => {
      show(settingsView(), [], {}, postSource);
      const note = within(section('Feeds')).queryByText(/endpoint|This computer/)?.textContent ?? null;
      cleanup();
      return note;
    };
    expect(sourceNote({ from: 'endpoint', answeredAt: hoursAgo(0.05) })).toBe(
      'Posts come from your organisation’s Advocate endpoint, which checks the feeds for everyone.',
    );
    expect(sourceNote({ from: 'fallback', answeredAt: hoursAgo(0.75), afterMinutes: 30 })).toBe(
      'Your organisation’s endpoint last answered 45 min ago. This computer checks the feeds itself until it answers again; no post is announced twice.',
    );
    expect(sourceNote({ from: 'desktop', why: 'endpoint-has-no-feeds' })).toBe(
      'This computer checks the feeds itself: your organisation’s endpoint has none.',
    );
    expect(sourceNote({ from: 'desktop', why: 'endpoint-not-heard' })).toBe(
      'This computer checks the feeds itself: your organisation’s endpoint has not sent posts yet.',
    );
    expect(sourceNote({ from: 'desktop', why: 'policy' })).toBe(
      'This computer checks the feeds itself, as your organisation has set.',
    );
    // Without an endpoint there is nothing to explain.
    expect(sourceNote({ from: 'desktop', why: 'no-endpoint' })).toBeNull();
  });

  it('checks an address live (with autodiscovery) before adding the feed it found', async () => {
    const api = show(settingsView(), [], {
      checkFeed: (url) =>
        Promise.resolve({
          ok: true,
          url: 'https://blog.example.com/feed.xml',
          discoveredFrom: url,
          format: 'RSS 2.0',
          encoding: 'utf-8',
          title: 'Example Blog',
          items: [],
          warnings: ['1 item without a link was left out'],
        }),
    });
    const feeds = section('Feeds');
    fireEvent.change(within(feeds).getByRole('textbox', { name: 'Add a site or feed' }), {
      target: { value: 'blog.example.com' },
    });
    fireEvent.click(within(feeds).getByRole('button', { name: 'Check' }));
    const found = await within(feeds).findByText(/Found/);
    expect(api.checked).toEqual(['https://blog.example.com']);
    expect(found.textContent).toBe('Found “Example Blog”: RSS 2.0, 0 posts. Its feed is at blog.example.com/feed.xml.');
    expect(within(feeds).getByText('1 item without a link was left out')).toBeTruthy();
    fireEvent.click(within(feeds).getByRole('button', { name: 'Add this feed' }));
    await waitFor(() => {
      expect(api.settingsUpdates).toEqual([{ userFeedUrls: ['https://blog.example.com/feed.xml'] }]);
    });
    expect(within(feeds).getByRole('textbox', { name: 'Add a site or feed' })).toHaveProperty('value', '');
  });

  it('says in plain words why an address is not a feed', async () => {
    show(settingsView(), [], {
      checkFeed: (url) =>
        Promise.resolve({ ok: false, url, error: 'the server sent an HTML page, maybe a login page' }),
    });
    const feeds = section('Feeds');
    fireEvent.change(within(feeds).getByRole('textbox', { name: 'Add a site or feed' }), {
      target: { value: 'https://intranet.example.com/' },
    });
    fireEvent.click(within(feeds).getByRole('button', { name: 'Check' }));
    expect(await within(feeds).findByText('the server sent an HTML page, maybe a login page')).toBeTruthy();
    expect(within(feeds).queryByRole('button', { name: 'Add this feed' })).toBeNull();
  });

  it('greys what policy locks, with the reason next to it', () => {
    show(
      settingsView(
        {
          locked: {
            endpointUrl: LOCKED_BY_POLICY,
            enabledNetworks: LOCKED_BY_POLICY,
            userFeedUrls: USER_FEEDS_NOT_ALLOWED,
            startAtLogin: LOCKED_BY_POLICY,
          },
        },
        { endpointUrl: 'https://advocate.example.com/' },
      ),
    );
    const endpoint = screen.getByRole('textbox', { name: 'Endpoint address' });
    expect(endpoint).toHaveProperty('disabled', true);
    expect(endpoint).toHaveProperty('value', 'https://advocate.example.com/');
    expect(
      document.getElementById(endpoint.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent,
    ).toBe('Set by your organisation');
    expect(screen.getByRole('checkbox', { name: 'LinkedIn' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('textbox', { name: 'Add a site or feed' })).toHaveProperty('disabled', true);
    expect(within(section('Feeds')).getByText(/Your organisation does not allow adding feeds/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Start Advocate when I log in' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('textbox', { name: 'Display name' })).toHaveProperty('disabled', false);
  });

  it('saves name and team through the endpoint, never sending a locked one, and says the endpoint has it', async () => {
    const api = show(settingsView({ locked: { team: LOCKED_BY_POLICY } }, { team: 'Sales' }));
    const you = section('You');
    fireEvent.change(within(you).getByRole('textbox', { name: 'Display name' }), { target: { value: ' Ada ' } });
    fireEvent.click(within(you).getByRole('button', { name: 'Save' }));
    expect(await within(you).findByText(PROFILE_TEXT.told)).toBeTruthy();
    expect(api.profileUpdates).toEqual([{ displayName: 'Ada' }]);
    expect(api.settingsUpdates).toEqual([]);
  });

  it('says a name saved before enrolling goes to the endpoint when this desktop connects', async () => {
    show(settingsView(), [], { profileEndpoint: 'later' });
    const you = section('You');
    fireEvent.change(within(you).getByRole('textbox', { name: 'Team' }), { target: { value: 'Research' } });
    fireEvent.click(within(you).getByRole('button', { name: 'Save' }));
    expect(await within(you).findByText(PROFILE_TEXT.later)).toBeTruthy();
  });

  it('shows why a team change was refused, keeps what was typed, and says nothing was saved', async () => {
    show(settingsView({}, { team: 'Sales' }), [], { refuseProfile: PROFILE_TEXT['team-fixed'] });
    const you = section('You');
    const team = within(you).getByRole('textbox', { name: 'Team' });
    fireEvent.change(team, { target: { value: 'Board' } });
    fireEvent.click(within(you).getByRole('button', { name: 'Save' }));
    expect((await within(you).findByRole('alert')).textContent).toBe(PROFILE_TEXT['team-fixed']);
    expect(team).toHaveProperty('value', 'Board');
    expect(within(you).queryByText(/Saved/)).toBeNull();
  });

  it('takes the enrollment code write-only: sent once, never shown back', async () => {
    const api = show(settingsView());
    const counting = section('Counting shares');
    fireEvent.change(within(counting).getByRole('textbox', { name: 'Endpoint address' }), {
      target: { value: 'https://advocate.example.com/' },
    });
    fireEvent.change(within(counting).getByRole('textbox', { name: 'Enrollment code' }), {
      target: { value: '7KQ2-M9XD-3H8T-VW4C' },
    });
    fireEvent.click(within(counting).getByRole('button', { name: 'Save' }));
    await within(counting).findByText('Saved ✓');
    expect(api.settingsUpdates).toEqual([
      { endpointUrl: 'https://advocate.example.com/', enrollmentCode: '7KQ2-M9XD-3H8T-VW4C' },
    ]);
    const code = within(counting).getByRole('textbox', { name: 'Enrollment code' });
    expect(code).toHaveProperty('value', '');
    expect(code.getAttribute('placeholder')).toBe('A code is set');
  });

  it("shows main's reason when it refuses a change, and keeps what was typed", async () => {
    show(settingsView(), [], { refuseSettings: 'Check feeds every (minutes) must be from 5 to 1440' });
    const notifications = section('Notifications');
    const interval = within(notifications).getByRole('spinbutton', { name: 'Check feeds every … minutes' });
    fireEvent.change(interval, { target: { value: '2' } });
    fireEvent.click(within(notifications).getByRole('button', { name: 'Save' }));
    expect((await within(notifications).findByRole('alert')).textContent).toBe(
      'Check feeds every (minutes) must be from 5 to 1440',
    );
    expect(interval).toHaveProperty('value', '2');
  });

  it('sets quiet hours, the daily cap and the interval in one save', async () => {
    const api = show(settingsView());
    const notifications = section('Notifications');
    expect(within(notifications).getByLabelText('From')).toHaveProperty('disabled', true);
    fireEvent.click(within(notifications).getByRole('checkbox', { name: 'Quiet hours' }));
    fireEvent.change(within(notifications).getByLabelText('From'), { target: { value: '21:30' } });
    fireEvent.change(within(notifications).getByRole('spinbutton', { name: 'Notifications per day, at most' }), {
      target: { value: '3' },
    });
    fireEvent.click(within(notifications).getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(api.settingsUpdates).toEqual([
        { quietHours: { start: '21:30', end: '07:00' }, dailyNotificationCap: 3, pollIntervalMinutes: 30 },
      ]);
    });
  });

  it('pauses notifications for an hour from the window, then resumes, keeping the keyboard focus in place', async () => {
    const api = show(settingsView());
    const notifications = section('Notifications');
    expect(within(notifications).getByText('Notifications on')).toBeTruthy();
    expect(within(notifications).queryByRole('button', { name: 'Resume' })).toBeNull();
    const pauseHour = within(notifications).getByRole('button', { name: 'Pause 1 hour' });
    pauseHour.focus();
    fireEvent.click(pauseHour);
    // An hour after 15:00.
    expect(await within(notifications).findByText('Notifications paused until 16:00')).toBeTruthy();
    expect(api.pauses).toEqual(['hour']);
    expect(document.activeElement).toBe(pauseHour);

    const resume = within(notifications).getByRole('button', { name: 'Resume' });
    resume.focus();
    fireEvent.click(resume);
    expect(await within(notifications).findByText('Notifications on')).toBeTruthy();
    expect(api.pauses).toEqual(['hour', 'resume']);
    expect(within(notifications).queryByRole('button', { name: 'Resume' })).toBeNull();
    // Resume is gone: the focus moved to the first pause button rather than being lost.
    await waitFor(() => {
      expect(document.activeElement).toBe(within(notifications).getByRole('button', { name: 'Pause 1 hour' }));
    });
  });

  it('says until when notifications are paused "until tomorrow": 08:00 the next day', async () => {
    const api = show(settingsView());
    const notifications = section('Notifications');
    fireEvent.click(within(notifications).getByRole('button', { name: 'Pause until tomorrow' }));
    expect(await within(notifications).findByText('Notifications paused until 08:00 tomorrow')).toBeTruthy();
    expect(api.pauses).toEqual(['tomorrow']);
  });

  it('shows a pause set in the tray menu, and follows its resume', () => {
    const api = show(settingsView(), [], { pausedUntil: hoursAgo(-0.5) });
    const notifications = section('Notifications');
    expect(within(notifications).getByText('Notifications paused until 15:30')).toBeTruthy();
    expect(within(notifications).getByRole('button', { name: 'Resume' })).toBeTruthy();
    act(() => {
      api.push('notificationPauseChanged', { pausedUntil: null });
    });
    expect(within(notifications).getByText('Notifications on')).toBeTruthy();
    expect(within(notifications).queryByRole('button', { name: 'Resume' })).toBeNull();
  });

  it('treats a pause that has run out as notifications on', () => {
    show(settingsView(), [], { pausedUntil: hoursAgo(1 / 60) });
    expect(within(section('Notifications')).getByText('Notifications on')).toBeTruthy();
  });

  it("shows main's reason when a pause is refused, and stays as it was", async () => {
    // Tried: a pause main refuses. Must hold: its reason shown as an alert, the state still "on".
    const api = show(settingsView(), [], { refusePause: 'something went wrong; please try again' });
    const notifications = section('Notifications');
    fireEvent.click(within(notifications).getByRole('button', { name: 'Pause 1 hour' }));
    expect((await within(notifications).findByRole('alert')).textContent).toBe(
      'something went wrong; please try again',
    );
    expect(within(notifications).getByText('Notifications on')).toBeTruthy();
    expect(api.pauses).toEqual(['hour']);
  });

  it('turns a network off at once, and start at login', async () => {
    const api = show(settingsView());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Facebook' }));
    await waitFor(() => {
      expect(api.settingsUpdates).toHaveLength(1);
    });
    expect(api.settingsUpdates[0]?.enabledNetworks).toEqual([
      'linkedin',
      'x',
      'bluesky',
      'threads',
      'mastodon',
      'xing',
      'email',
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Start Advocate when I log in' }));
    await waitFor(() => {
      expect(api.settingsUpdates[1]).toEqual({ startAtLogin: false });
    });
  });

  it("shows the organisation's disclosure line", () => {
    show(settingsView({}, { disclosureText: 'I work at Example.' }));
    expect(section('Sharing').textContent).toContain(
      'Every message ends with your organisation’s line: “I work at Example.”',
    );
  });
});
