/** The post list: order, unread marks, states, per-feed problems, keyboard navigation, hostile text. */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Feed, PostView } from '../../../common/domain.ts';
import type { Live } from '../../../renderer/data/use-live.ts';
import { PostListView, type PostListViewProps } from '../../../renderer/views/PostListView.tsx';
import { fakeApi, feed, postView } from '../fake-api.ts';
import { renderWith } from '../render.tsx';
import { hoursAgo, pinViewNow } from '../view-now.ts';

afterEach(cleanup);
pinViewNow();

const ready = (posts: PostView[]): Live<PostView[]> => ({ status: 'ready', value: posts });

function show(props: Partial<PostListViewProps> = {}, api = fakeApi([])) {
  const opened: string[] = [];
  let retried = 0;
  let settings = 0;
  const view = renderWith(
    api,
    <PostListView
      posts={ready([])}
      feeds={[]}
      onOpen={(postId) => opened.push(postId)}
      onRetry={() => (retried += 1)}
      onSettings={() => (settings += 1)}
      focusPostId={null}
      focusTitle={false}
      {...props}
    />,
  );
  return { ...view, api, opened, retried: () => retried, settingsAsked: () => settings };
}

const THREE = [
  postView({ id: 'a', title: 'Oldest', publishedAt: hoursAgo(50) }),
  postView({
    id: 'b',
    title: 'Newest',
    publishedAt: hoursAgo(1),
    unread: true,
    imageUrl: 'https://cdn.example.com/b.png',
  }),
  postView({
    id: 'c',
    title: 'Middle',
    publishedAt: hoursAgo(5),
    sharedOn: ['linkedin', 'x'],
    imageUrl: 'http://cdn.example.com/c.png',
  }),
];

describe('PostListView', () => {
  it('lists posts newest first with feed name, relative time and an unread mark', () => {
    const { container } = show({ posts: ready(THREE) });
    const rows = screen.getAllByRole('button', { name: /Oldest|Newest|Middle/ });
    expect(rows.map((row) => row.getAttribute('data-post-id'))).toEqual(['b', 'c', 'a']);
    expect(rows[0]?.textContent).toBe('New: NewestExample Blog · 1 h ago');
    expect(rows[1]?.textContent).toContain('✓ Shared on LinkedIn, X');
    expect(rows[2]?.textContent).toContain('2 days ago');
    expect(screen.getByText('1 new')).toBeTruthy();
    expect(container.querySelectorAll('.post-row--unread')).toHaveLength(1);
  });

  it("shows an https thumbnail, and the feed's letter for a plain-http one the CSP would block", () => {
    const { container } = show({ posts: ready(THREE) });
    const images = container.querySelectorAll('img');
    expect([...images].map((image) => image.getAttribute('src'))).toEqual(['https://cdn.example.com/b.png']);
    expect(images[0]?.getAttribute('alt')).toBe('');
    expect(container.querySelectorAll('.thumb--letter')).toHaveLength(2);
  });

  it('opens a post on click', () => {
    const view = show({ posts: ready(THREE) });
    fireEvent.click(screen.getByRole('button', { name: /Middle/ }));
    expect(view.opened).toEqual(['c']);
  });

  it('moves through the list with arrows, j/k, Home and End; only one row is in the Tab order', () => {
    show({ posts: ready(THREE) });
    const rows = screen.getAllByRole('button', { name: /Oldest|Newest|Middle/ });
    expect(rows.map((row) => row.tabIndex)).toEqual([0, -1, -1]);
    const list = screen.getByRole('list', { name: 'Posts, newest first' });
    rows[0]?.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(list, { key: 'j' });
    expect(document.activeElement).toBe(rows[2]);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[2]);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(document.activeElement).toBe(rows[0]);
    fireEvent.keyDown(list, { key: 'End' });
    expect(document.activeElement).toBe(rows[2]);
    expect(rows.map((row) => row.tabIndex)).toEqual([-1, -1, 0]);
    fireEvent.keyDown(list, { key: 'k' });
    expect(document.activeElement).toBe(rows[1]);
  });

  it('puts focus back on the post the person came back from', () => {
    show({ posts: ready(THREE), focusPostId: 'a', focusTitle: true });
    expect(document.activeElement?.getAttribute('data-post-id')).toBe('a');
  });

  it('says it is loading, then offers to try again after an error', () => {
    show({ posts: { status: 'loading' } });
    expect(screen.getByRole('status').textContent).toBe('Loading posts…');
    cleanup();
    const view = show({ posts: { status: 'error', message: 'the preview server is not answering' } });
    expect(screen.getByRole('alert').textContent).toContain(
      'The posts could not be loaded: the preview server is not answering',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(view.retried()).toBe(1);
  });

  it('tells an empty list with no feeds apart from one whose feeds have no posts yet', () => {
    const view = show({ posts: ready([]), feeds: [] });
    expect(screen.getByText(/No feeds yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a feed' }));
    expect(view.settingsAsked()).toBe(1);
    cleanup();
    show({ posts: ready([]), feeds: [feed()] });
    expect(screen.getByText(/No posts yet/)).toBeTruthy();
  });

  it('names each failing feed with its error in plain words', () => {
    const failing: Feed[] = [
      feed(),
      feed({
        id: 'b',
        title: 'Careers',
        status: {
          state: 'error',
          message: 'the server sent an HTML page, maybe a login page',
          checkedAt: hoursAgo(1),
          nextCheckAt: hoursAgo(-1),
        },
      }),
    ];
    const view = show({ posts: ready(THREE), feeds: failing });
    const problems = screen.getByRole('region', { name: 'Feed problems' });
    expect(within(problems).getAllByRole('listitem')).toHaveLength(1);
    expect(problems.textContent).toContain(
      'Careers: The server sent an HTML page, maybe a login page. Next try at 16:00.',
    );
    fireEvent.click(within(problems).getByRole('button', { name: 'Feed settings' }));
    expect(view.settingsAsked()).toBe(1);
  });

  it('refreshes the feeds on request', async () => {
    let refreshed = 0;
    const api = { ...fakeApi([]), refreshFeeds: () => ((refreshed += 1), Promise.resolve(null)) };
    show({ posts: ready(THREE) }, api);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByRole('button', { name: 'Checking…' })).toHaveProperty('disabled', true);
    await screen.findByRole('button', { name: 'Refresh' });
    expect(refreshed).toBe(1);
  });

  it('renders hostile titles as inert, shortened plain text', () => {
    const hostile = postView({
      title: `<img src=x onerror="alert(1)">\u202Egpj.exe ${'A'.repeat(100_000)}`,
      feedTitle: '<script>alert(2)</script>',
    });
    const { container } = show({ posts: ready([hostile]) });
    const row = screen.getByRole('button', { name: /onerror/ });
    expect(row.textContent.length).toBeLessThan(300);
    expect(row.textContent).toContain('<img src=x onerror="alert(1)">gpj.exe');
    expect(row.textContent).not.toContain('\u202E');
    expect(container.querySelector('script, img[src="x"]')).toBeNull();
  });
});
