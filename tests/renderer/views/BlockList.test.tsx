/**
 * The composer with the organisation's block list: terms are marked where they stand in the message, a
 * `block` term turns Copy and Open off with the reason, a `warn` term shows the reason and lets the
 * person share, and taking the term out turns sharing back on.
 */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlockTerm } from '../../../common/share/block-list.ts';
import { PostView } from '../../../renderer/views/PostView.tsx';
import { fakeApi, fakeClipboard, postView, settingsView } from '../fake-api.ts';
import { renderWith } from '../render.tsx';

let clipboard: ReturnType<typeof fakeClipboard>;
beforeEach(() => {
  clipboard = fakeClipboard();
});
afterEach(() => {
  cleanup();
  clipboard.restore();
});

const POST = postView({ pitch: 'Our insider guide to guaranteed returns.', messages: {} });
const BLOCK_LIST: readonly BlockTerm[] = [
  { term: 'guaranteed returns', level: 'block' },
  { term: 'insider', level: 'warn' },
];

async function show(blockList: readonly BlockTerm[] = BLOCK_LIST) {
  const api = fakeApi([POST], { kit: (kit) => ({ ...kit, blockList }) });
  const view = renderWith(
    api,
    <PostView
      post={POST}
      settings={settingsView({}, { enabledNetworks: ['linkedin', 'x'] })}
      people={null}
      onBack={() => undefined}
      onChanged={() => undefined}
      focusTitle={false}
    />,
  );
  const message = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Message for LinkedIn' });
  return { api, view, message };
}

const marks = (container: HTMLElement): string[][] =>
  [...container.querySelectorAll('mark')].map((mark) => [
    mark.className.replace('marked-field__mark ', ''),
    mark.textContent,
  ]);

describe('the composer with a block list', () => {
  it('marks the listed terms in place, as the person wrote them', async () => {
    const { view } = await show();
    expect(marks(view.container)).toEqual([
      ['marked-field__mark--warn', 'insider'],
      ['marked-field__mark--block', 'guaranteed returns'],
    ]);
    // The marked copy lies behind the text box, hidden from screen readers, holding the same text.
    const backdrop = view.container.querySelector('.marked-field__backdrop');
    expect(backdrop?.getAttribute('aria-hidden')).toBe('true');
    expect(backdrop?.textContent).toBe('Our insider guide to guaranteed returns.\n');
  });

  it('turns Copy and Open off for a blocked term, saying which term and what to do', async () => {
    const { api, message } = await show();
    const reason =
      '“guaranteed returns” is on your organisation’s block list: Copy and Open stay off until you take it out of the message.';
    expect(screen.getByText(reason)).toBeTruthy();
    const copy = screen.getByRole<HTMLButtonElement>('button', { name: 'Copy' });
    const open = screen.getByRole<HTMLButtonElement>('button', { name: 'Copy and open LinkedIn' });
    expect(copy.disabled).toBe(true);
    expect(open.disabled).toBe(true);
    // The buttons and the text box name the reason, so a screen reader hears why they are off.
    expect(copy.getAttribute('aria-describedby')).toBe(screen.getByText(reason).parentElement?.id);
    expect(message.getAttribute('aria-describedby')).toContain(screen.getByText(reason).parentElement?.id ?? '-');
    fireEvent.click(copy);
    fireEvent.click(open);
    expect(clipboard.writes).toEqual([]);
    expect(api.opened).toEqual([]);
  });

  it('finds a blocked term the person writes in full-width letters, and in their own take', async () => {
    const { message } = await show([{ term: 'guaranteed returns', level: 'block' }]);
    fireEvent.change(message, { target: { value: 'Read this.' } });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Copy' }).disabled).toBe(false);
    fireEvent.change(message, { target: { value: 'Read this: ｇｕａｒａｎｔｅｅｄ  Returns!' } });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Copy' }).disabled).toBe(true);
    fireEvent.change(message, { target: { value: 'Read this.' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Your own take/ }), {
      target: { value: 'Guaranteed returns, honestly' },
    });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Copy' }).disabled).toBe(true);
  });

  it('shows the reason for a warned term and lets the person copy and open', async () => {
    const { api, message } = await show();
    fireEvent.change(message, { target: { value: 'Our insider guide to shipping.' } });
    expect(
      screen.getByText(
        'Your organisation asks for care with “insider”: check the message says what you mean before you share it.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/block list/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied ✓' });
    expect(clipboard.writes).toEqual([
      'Our insider guide to shipping. https://blog.example.com/one?utm_source=linkedin',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy and open LinkedIn' }));
    await screen.findByText(/LinkedIn opened in your browser/);
    expect(api.opened).toHaveLength(1);
  });

  it('never marks a term found only in the link: the address is the post’s own', async () => {
    const { view, message } = await show([{ term: 'example', level: 'block' }]);
    fireEvent.change(message, { target: { value: 'Worth a read.' } });
    expect(marks(view.container)).toEqual([]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Copy' }).disabled).toBe(false);
  });

  it('shows no marks and no notes without a list', async () => {
    const { view } = await show([]);
    expect(marks(view.container)).toEqual([]);
    expect(view.container.querySelector('.block-notes')).toBeNull();
  });
});
