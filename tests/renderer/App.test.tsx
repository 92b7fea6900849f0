/** The window's components in jsdom, against a fake `window.advocate`. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/App.tsx';
import { AdvocateProvider } from '../../renderer/advocate-context.tsx';
import { fakeApi, postView, type FakeApi } from './fake-api.ts';

afterEach(cleanup);

function renderApp(api: FakeApi) {
  return render(
    <AdvocateProvider api={api}>
      <App />
    </AdvocateProvider>,
  );
}

describe('App', () => {
  it('lists posts with feed name, title and pitch', async () => {
    renderApp(fakeApi([postView(), postView({ id: 'feed:2', title: 'Second post', pitch: 'Another one.' })]));
    expect(await screen.findByRole('heading', { name: 'Ship small, ship often' })).toBeTruthy();
    expect(screen.getByText('We moved to daily releases.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Second post' })).toBeTruthy();
    expect(screen.getAllByText('Example Blog')).toHaveLength(2);
  });

  it('says so when there are no posts yet', async () => {
    renderApp(fakeApi([]));
    expect(await screen.findByText(/No posts yet/)).toBeTruthy();
  });

  it('marks a post shared through the API and shows the count main publishes', async () => {
    const api = fakeApi([postView()]);
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark shared' }));
    expect(api.marked).toEqual([{ postId: 'feed:1', network: 'linkedin' }]);
    act(() => {
      api.push('postsChanged', [postView({ sharedOn: ['linkedin'], shareCount: 1 })]);
    });
    expect(screen.getByRole('button', { name: 'Shared ✓' })).toHaveProperty('disabled', true);
    expect(screen.getByTestId('share-count').textContent).toBe('Shared once');
  });

  it('shows main\'s message when marking fails, and lets the person try again', async () => {
    const api = fakeApi([postView()], { markShared: () => Promise.reject(new Error('this post is no longer available')) });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark shared' }));
    expect((await screen.findByRole('alert')).textContent).toBe('this post is no longer available');
    expect(screen.getByRole('button', { name: 'Mark shared' })).toHaveProperty('disabled', false);
  });

  it('renders hostile feed text as inert text', async () => {
    renderApp(fakeApi([postView({ title: '<img src=x onerror="alert(1)">', pitch: '<script>alert(2)</script>' })]));
    expect(await screen.findByRole('heading', { name: '<img src=x onerror="alert(1)">' })).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('highlights the post a notification click opened', async () => {
    const api = fakeApi([postView(), postView({ id: 'feed:2', title: 'Second post' })]);
    const { container } = renderApp(api);
    await screen.findByRole('heading', { name: 'Second post' });
    act(() => {
      api.push('openPost', { postId: 'feed:2' });
    });
    expect(container.querySelector('.post--highlighted')?.getAttribute('data-post-id')).toBe('feed:2');
  });
});
