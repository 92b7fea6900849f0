/** One post: pitch first, per-network messages with live counters, Copy, Open composer, Mark shared with undo. */
import { overLimitText, WINDOW_TEXT } from '../../../common/messages.ts';
import { COUNTED_PAST_LIMIT, measureMessage } from '../../../common/share/length.ts';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostView as Post } from '../../../common/domain.ts';
import type { SettingsView } from '../../../common/settings.ts';
import { UNDO_MS } from '../../../renderer/components/MarkShared.tsx';
import { PostView } from '../../../renderer/views/PostView.tsx';
import { fakeApi, fakeClipboard, postView, settingsView, type FakeApi } from '../fake-api.ts';
import { renderWith } from '../render.tsx';

let clipboard: ReturnType<typeof fakeClipboard>;
beforeEach(() => {
  clipboard = fakeClipboard();
});
afterEach(() => {
  cleanup();
  clipboard.restore();
  vi.useRealTimers();
});

const POST = postView({
  pitch: 'We moved to daily releases without hiring anyone.',
  hashtags: ['devops'],
  messages: { x: 'Daily releases, no new hires. #devops' },
});

function Harness({
  api,
  settings,
  people = null,
  start = POST,
}: {
  api: FakeApi;
  settings: SettingsView;
  people?: number | null;
  start?: Post;
}) {
  return (
    <PostView
      post={start}
      settings={settings}
      people={people}
      onBack={() => undefined}
      onChanged={(changed) => api.push('postsChanged', [changed])}
      focusTitle={false}
    />
  );
}

/** The view with the post as main last sent it (onChanged feeds it back, as App does). */
function show(options: { settings?: SettingsView; people?: number | null; post?: Post; api?: FakeApi } = {}) {
  const post = options.post ?? POST;
  const api = options.api ?? fakeApi([post]);
  const settings = options.settings ?? settingsView();
  let current = post;
  const view = renderWith(
    api,
    <Harness api={api} settings={settings} people={options.people ?? null} start={current} />,
  );
  api.onPostsChanged(([changed]) => {
    if (!changed) return;
    current = changed;
    view.rerender(<Harness api={api} settings={settings} people={options.people ?? null} start={current} />);
  });
  return { api, view };
}

const message = (): HTMLTextAreaElement => screen.getByRole('textbox', { name: /^Message for/ });
const choose = (network: string): void => {
  fireEvent.click(screen.getByRole('radio', { name: new RegExp(`^${network}(\\s*✓\\s*shared)?$`) }));
};

describe('PostView', () => {
  it('puts the pitch first, under the title, with the colleagues who shared it', async () => {
    show({ people: 4 });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Ship small, ship often');
    expect(heading.nextElementSibling?.textContent).toBe('We moved to daily releases without hiring anyone.');
    expect(screen.getByText('Shared by 4 colleagues')).toBeTruthy();
  });

  it('offers only the enabled networks, each with its own message from the kit', async () => {
    show({ settings: settingsView({}, { enabledNetworks: ['linkedin', 'x', 'mastodon'] }) });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    expect(screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual([
      'linkedin',
      'x',
      'mastodon',
    ]);
    expect(message().value).toBe('We moved to daily releases without hiring anyone. #devops');
    choose('X');
    expect(message().value).toBe('Daily releases, no new hires. #devops');
  });

  it('counts as the network does (X: the link is 23) and warns past the limit', async () => {
    show();
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    choose('X');
    const posted = 'Daily releases, no new hires. #devops ';
    expect(screen.getByText(`${String(posted.length + 23)} / 280`)).toBeTruthy();
    fireEvent.change(message(), { target: { value: 'x'.repeat(270) } });
    expect(screen.getByText('294 / 280').className).toContain('counter--over');
    expect(screen.getByText('Too long for X: 14 over its limit of 280.')).toBeTruthy();
    choose('Bluesky');
    expect(screen.getByText(/\/ 300$/).className).not.toContain('counter--over');
  });

  it('stops counting a 100 KB paste a little past the limit and says the message is longer still', async () => {
    show();
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    choose('X');
    fireEvent.change(message(), { target: { value: 'x'.repeat(100_000) } });
    const shown = 280 + COUNTED_PAST_LIMIT;
    expect(screen.getByText(`more than ${String(shown)} / 280`).className).toContain('counter--over');
    expect(
      screen.getByText(`Too long for X: more than ${String(COUNTED_PAST_LIMIT)} over its limit of 280.`),
    ).toBeTruthy();
  });

  it("counts Mastodon against the person's server's limits from main, and follows them when they change", async () => {
    const hachyderm = { instance: 'hachyderm.io', maxCharacters: 1000, charactersReservedPerUrl: 30 };
    const api = fakeApi([POST], { mastodonLimits: hachyderm });
    show({
      api,
      settings: settingsView({}, { enabledNetworks: ['linkedin', 'mastodon'], mastodonInstance: 'hachyderm.io' }),
    });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    choose('Mastodon');
    fireEvent.change(message(), { target: { value: 'x'.repeat(600) } });
    // 600 + a space + the link counted as this server's 30, under its 1,000: not the default 500's warning.
    expect((await screen.findByText('631 / 1000')).className).not.toContain('counter--over');
    expect(screen.queryByText(/Too long for Mastodon/)).toBeNull();

    act(() => {
      api.push('mastodonLimitsChanged', { ...hachyderm, maxCharacters: 600 });
    });
    expect(screen.getByText('631 / 600').className).toContain('counter--over');
    expect(screen.getByText('Too long for Mastodon: 31 over its limit of 600.')).toBeTruthy();
  });

  it('copies the take, the edited message, the disclosure and the link, and says "Copied"', async () => {
    show({ settings: settingsView({}, { disclosureText: 'I work at Example.' }) });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    fireEvent.change(screen.getByRole('textbox', { name: /Your own take/ }), {
      target: { value: 'Proud of this team.' },
    });
    fireEvent.change(message(), { target: { value: 'Daily releases!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied ✓' });
    expect(clipboard.writes).toEqual([
      'Proud of this team.\n\nDaily releases!\n\nI work at Example. https://blog.example.com/one?utm_source=linkedin',
    ]);
    expect(screen.getByText('Copied. Paste it into LinkedIn.')).toBeTruthy();
  });

  it('keeps "Copied" to the text of the network it was copied for: another network, or an edit, clears it', async () => {
    show({ settings: settingsView({}, { enabledNetworks: ['linkedin', 'x'] }) });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied ✓' });
    choose('X');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copied ✓' })).toBeNull();
    choose('LinkedIn');
    fireEvent.change(message(), { target: { value: 'Edited after copying.' } });
    expect(screen.queryByRole('button', { name: 'Copied ✓' })).toBeNull();
  });

  it("keeps edits per network, and Reset brings the kit's message back", async () => {
    show();
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    fireEvent.change(message(), { target: { value: 'My LinkedIn words' } });
    choose('X');
    expect(message().value).toBe('Daily releases, no new hires. #devops');
    choose('LinkedIn');
    expect(message().value).toBe('My LinkedIn words');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(message().value).toBe('We moved to daily releases without hiring anyone. #devops');
  });

  it("opens X's composer through main with the text and link in the intent URL", async () => {
    const { api } = show();
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    choose('X');
    fireEvent.click(screen.getByRole('button', { name: 'Open X' }));
    await waitFor(() => {
      expect(api.opened).toHaveLength(1);
    });
    expect(api.opened[0]).toBe(
      `https://x.com/intent/tweet?text=${encodeURIComponent('Daily releases, no new hires. #devops')}&url=${encodeURIComponent('https://blog.example.com/one?utm_source=x')}`,
    );
    expect(clipboard.writes).toEqual([]);
  });

  describe('over the limit, Open never sends the overlong text', () => {
    const LONG = Array.from({ length: 90 }, (_, index) => `word${String(index)}`).join(' ');
    const X_LINK = 'https://blog.example.com/one?utm_source=x';

    it('offers the version cut to fit, shows it, copies it and opens X with it (the default policy)', async () => {
      const { api } = show({ settings: settingsView({}, { disclosureText: 'I work at Example.' }) });
      await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
      choose('X');
      fireEvent.change(message(), { target: { value: LONG } });
      expect(screen.queryByRole('button', { name: 'Open X' })).toBeNull();
      const open = screen.getByRole('button', { name: 'Copy the cut version and open X' });
      const warning = document.getElementById(open.getAttribute('aria-describedby') ?? '');
      expect(warning?.textContent).toContain('over X’s limit, so X would cut it or refuse it.');
      expect(warning?.textContent).toContain('Shorten it above, or copy a version cut to fit and open X.');
      fireEvent.click(open);
      await screen.findByText(/Copied the version cut to fit, and X opened in your browser with it/);
      const [copied] = clipboard.writes;
      if (copied === undefined) throw new Error('nothing copied');
      expect(warning?.textContent).toContain(`The version cut to fit: “${copied}”`);
      expect(copied).toMatch(
        /^word0 word1 .*…\n\nI work at Example\. https:\/\/blog\.example\.com\/one\?utm_source=x$/s,
      );
      expect(measureMessage('x', copied).over).toBe(false);
      const text = copied.slice(0, -` ${X_LINK}`.length);
      expect(api.opened).toEqual([
        `https://x.com/intent/tweet?text=${encodeURIComponent(text)}&url=${encodeURIComponent(X_LINK)}`,
      ]);
      // The person's own text is untouched.
      expect(message().value).toBe(LONG);
    });

    it('keeps Open disabled, saying why, when the organisation asks for a shorter message', async () => {
      const { api } = show({ settings: settingsView({}, { offerCutToFit: false }) });
      await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
      choose('X');
      fireEvent.change(message(), { target: { value: LONG } });
      const open = screen.getByRole('button', { name: 'Open X' });
      expect(open).toHaveProperty('disabled', true);
      expect(document.getElementById(open.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
        overLimitText('X', measureMessage('x', `${LONG} ${X_LINK}`).length - 280, 'shorten-asked'),
      );
      fireEvent.click(open);
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
      await screen.findByText('Copied. Paste it into X.');
      expect(api.opened).toEqual([]);
      // Shortened, it opens as usual.
      fireEvent.change(message(), { target: { value: 'Short now.' } });
      expect(screen.getByRole('button', { name: 'Open X' })).toHaveProperty('disabled', false);
    });

    it('keeps Open disabled when no cut fits: the organisation’s line and the link alone are too long', async () => {
      const { api } = show({ settings: settingsView({}, { disclosureText: 'I work at Example Corp. '.repeat(12) }) });
      await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
      choose('X');
      const open = screen.getByRole('button', { name: 'Open X' });
      expect(open).toHaveProperty('disabled', true);
      expect(document.getElementById(open.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
        'your organisation’s line and the link leave no room to cut to.',
      );
      expect(api.opened).toEqual([]);
    });
  });

  it('copies first for LinkedIn, which cannot take text, and says so', async () => {
    const { api } = show();
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    expect(screen.getByText(/LinkedIn can’t take text from another app/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy and open LinkedIn' }));
    await screen.findByText(/Copied, and LinkedIn opened in your browser/);
    expect(clipboard.writes).toEqual([
      'We moved to daily releases without hiring anyone. #devops https://blog.example.com/one?utm_source=linkedin',
    ]);
    expect(api.opened).toEqual([
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent('https://blog.example.com/one?utm_source=linkedin')}`,
    ]);
  });

  it("asks for the Mastodon server once, saves it, then opens that server's composer", async () => {
    const api = fakeApi([POST]);
    const settings = settingsView();
    const view = renderWith(api, <Harness api={api} settings={settings} />);
    api.onSettingsChanged((next) => {
      view.rerender(<Harness api={api} settings={next} />);
    });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    choose('Mastodon');
    expect(screen.getByRole('button', { name: 'Open Mastodon' })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Your Mastodon server' }), {
      target: { value: 'not a server' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe(
      '"not a server" is not a Mastodon server name like mastodon.social',
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Your Mastodon server' }), {
      target: { value: '@ada@hachyderm.io' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Open Mastodon' })).toHaveProperty('disabled', false);
    });
    expect(api.settingsUpdates).toEqual([{ mastodonInstance: 'hachyderm.io' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Open Mastodon' }));
    await waitFor(() => {
      expect(api.opened[0]).toMatch(/^https:\/\/hachyderm\.io\/share\?text=/);
    });
  });

  it('says in the catalogue’s words when a link cannot be opened', async () => {
    show({ api: fakeApi([POST], { refuseOpen: 'the link is too long' }) });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    fireEvent.click(screen.getByRole('button', { name: 'Read the post' }));
    expect((await screen.findByRole('alert')).textContent).toBe(WINDOW_TEXT.postOpenFailed);
  });

  it('marks shared per network, offers Undo for a few seconds, then Take back', async () => {
    const { api } = show();
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    vi.useFakeTimers();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark shared on LinkedIn' }));
      await Promise.resolve();
    });
    // With the message as composed, for the share archive (nothing was copied or opened first).
    expect(api.marked).toEqual([
      {
        postId: 'feed:1',
        network: 'linkedin',
        text: 'We moved to daily releases without hiring anyone. #devops https://blog.example.com/one?utm_source=linkedin',
      },
    ]);
    expect(screen.getByText('✓ Shared on LinkedIn')).toBeTruthy();
    expect(screen.getByText('Marked shared on LinkedIn. Thank you!')).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(screen.getByRole('radio', { name: /^LinkedIn\s*✓\s*shared$/ })).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(UNDO_MS + 10);
    });
    // The same button, so keyboard focus stays put.
    expect(screen.getByRole('button', { name: 'Take back' })).toBe(undo);
    vi.useRealTimers();
    choose('X');
    expect(screen.getByRole('button', { name: 'Mark shared on X' })).toBeTruthy();
  });

  it('archives the text last copied, even after later edits that were never copied', async () => {
    const { api } = show({ settings: settingsView({}, { enabledNetworks: ['linkedin', 'x'] }) });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    fireEvent.change(message(), { target: { value: 'What I posted.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied ✓' });
    fireEvent.change(message(), { target: { value: 'An edit I never posted.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark shared on LinkedIn' }));
    await screen.findByText('Marked shared on LinkedIn. Thank you!');
    // Each network keeps its own: X's text is the one composed for X.
    choose('X');
    fireEvent.click(screen.getByRole('button', { name: 'Mark shared on X' }));
    await screen.findByText('Marked shared on X. Thank you!');
    expect(api.marked.map((request) => [request.network, request.text])).toEqual([
      ['linkedin', 'What I posted. https://blog.example.com/one?utm_source=linkedin'],
      ['x', 'Daily releases, no new hires. #devops https://blog.example.com/one?utm_source=x'],
    ]);
  });

  it('takes a share back with Undo', async () => {
    const { api } = show();
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    fireEvent.click(screen.getByRole('button', { name: 'Mark shared on LinkedIn' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByRole('button', { name: 'Mark shared on LinkedIn' });
    expect(api.undone).toEqual([{ postId: 'feed:1', network: 'linkedin' }]);
    expect(screen.getByText('Your share on LinkedIn is taken back.')).toBeTruthy();
  });

  it('keeps the button and says why when main refuses to mark', async () => {
    show({ api: fakeApi([POST], { markShared: () => Promise.reject(new Error('this post is no longer available')) }) });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    fireEvent.click(screen.getByRole('button', { name: 'Mark shared on LinkedIn' }));
    expect((await screen.findByRole('alert')).textContent).toBe('this post is no longer available');
    expect(screen.getByRole('button', { name: 'Mark shared on LinkedIn' })).toHaveProperty('disabled', false);
  });

  it('says so when no network is turned on', async () => {
    show({ settings: settingsView({}, { enabledNetworks: [] }) });
    expect(await screen.findByText(/No network is turned on/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Mark shared/ })).toBeNull();
  });

  it('renders a hostile kit as inert text in the fields', async () => {
    const hostile = postView({
      title: '<script>alert(1)</script>',
      pitch: '<img src=x onerror=alert(2)>',
      messages: { linkedin: '<b onmouseover=alert(3)>hi</b>' },
    });
    const { view } = show({ post: hostile });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    expect(message().value).toBe('<b onmouseover=alert(3)>hi</b>');
    expect(view.container.querySelector('script, b, img[src="x"]')).toBeNull();
  });
});

describe('PostView: the kit’s wordings', () => {
  const WORDINGS = [
    { id: 1, text: 'Daily releases, no new hires.' },
    { id: 2, text: 'We ship every day now, with the same team.' },
    { id: 4, text: 'What changed when we started releasing daily.' },
  ];
  // This person is offered the second wording (number 2); LinkedIn has none from the kit.
  const withWordings = (): FakeApi =>
    fakeApi([POST], {
      kit: (kit) => ({
        ...kit,
        messages: { ...kit.messages, x: 'We ship every day now, with the same team.' },
        variants: { x: { wordings: WORDINGS, offered: 1 } },
      }),
    });
  const another = (): HTMLElement => screen.getByRole('button', { name: /^Another wording/ });

  it('shows the wording offered, and Another wording goes through the others in turn, saying which is shown', async () => {
    show({ api: withWordings() });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    // One wording only: nothing to switch to.
    expect(screen.queryByRole('button', { name: /^Another wording/ })).toBeNull();
    choose('X');
    expect(message().value).toBe('We ship every day now, with the same team.');
    expect(another().textContent).toBe('Another wording (2 of 3)');
    fireEvent.click(another());
    expect(message().value).toBe('What changed when we started releasing daily.');
    expect(another().textContent).toBe('Another wording (3 of 3)');
    // Said where a screen reader hears it: the composer's status line.
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain('Wording 3 of 3.');
    fireEvent.click(another());
    expect(message().value).toBe('Daily releases, no new hires.');
    expect(another().textContent).toBe('Another wording (1 of 3)');
  });

  it('keeps an edit of one wording while the person looks at the others', async () => {
    show({ api: withWordings() });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    choose('X');
    fireEvent.change(message(), { target: { value: 'My own version of it.' } });
    fireEvent.click(another());
    expect(message().value).toBe('What changed when we started releasing daily.');
    expect(screen.queryByRole('button', { name: 'Reset' })).toBeNull();
    fireEvent.click(another());
    fireEvent.click(another());
    expect(message().value).toBe('My own version of it.');
    expect(screen.getByRole('button', { name: 'Reset' })).toBeTruthy();
  });

  it('marks shared with the number of the wording shown, or of the one last copied', async () => {
    const { api } = show({ api: withWordings(), settings: settingsView({}, { enabledNetworks: ['linkedin', 'x'] }) });
    await screen.findByRole('textbox', { name: 'Message for LinkedIn' });
    fireEvent.click(screen.getByRole('button', { name: 'Mark shared on LinkedIn' }));
    await screen.findByText('Marked shared on LinkedIn. Thank you!');
    choose('X');
    fireEvent.click(another());
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied ✓' });
    // Looked at another wording after copying: the share is the one copied.
    fireEvent.click(another());
    fireEvent.click(screen.getByRole('button', { name: 'Mark shared on X' }));
    await screen.findByText('Marked shared on X. Thank you!');
    expect(api.marked.map(({ network, variant }) => [network, variant])).toEqual([
      ['linkedin', undefined],
      ['x', 4],
    ]);
    expect(api.marked[1]?.text).toBe(
      'What changed when we started releasing daily. https://blog.example.com/one?utm_source=x',
    );
  });
});
