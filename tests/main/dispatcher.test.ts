/** The IPC dispatcher: only contract calls with well-formed arguments reach a handler. */
import { WINDOW_TEXT } from '../../common/messages.ts';
import { describe, expect, it } from 'vitest';
import type { InvokeHandlers } from '../../common/ipc/contract.ts';
import type { Logger } from '../../main/core/ports.ts';
import { createIpcDispatcher } from '../../main/ipc/dispatcher.ts';
import { IpcRequestError } from '../../main/ipc/ipc-request-error.ts';
import { handlersWith } from '../helpers/handlers.ts';

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function dispatcherWith(overrides: Partial<InvokeHandlers> = {}) {
  const calls: unknown[][] = [];
  const handlers = handlersWith({
    listPosts: () => Promise.resolve([]),
    markShared: (request) => {
      calls.push([request]);
      return Promise.reject(new IpcRequestError('this post is no longer available'));
    },
    ...overrides,
  });
  return { dispatch: createIpcDispatcher(handlers, quietLog), calls };
}

describe('IPC dispatcher', () => {
  it('answers a well-formed call with its value', async () => {
    expect(await dispatcherWith().dispatch('listPosts', [])).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['not an argument list', { postId: 'p' }],
    ['a missing field', [{ postId: 'p' }]],
    ['an unknown network', [{ postId: 'p', network: 'myspace' }]],
    ['an extra field', [{ postId: 'p', network: 'x', admin: true }]],
    ['an extra argument', [{ postId: 'p', network: 'x' }, 'more']],
    ['an empty id', [{ postId: '', network: 'x' }]],
  ])('refuses %s without calling the handler', async (_case, args) => {
    const { dispatch, calls } = dispatcherWith();
    const answer = await dispatch('markShared', args);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toContain('malformed arguments for markShared');
    expect(calls).toHaveLength(0);
  });

  it('refuses a name outside the contract, including inherited object keys', async () => {
    const { dispatch } = dispatcherWith();
    expect(await dispatch('constructor', [])).toEqual({ ok: false, error: 'unknown call: constructor' });
    expect(await dispatch('__proto__', [])).toEqual({ ok: false, error: 'unknown call: __proto__' });
  });

  it('passes a handler message meant for the window, and hides any other failure', async () => {
    expect(await dispatcherWith().dispatch('markShared', [{ postId: 'p', network: 'x' }])).toEqual({
      ok: false,
      error: 'this post is no longer available',
    });
    const failing = dispatcherWith({ listPosts: () => Promise.reject(new Error('EACCES: /home/me/secret')) });
    expect(await failing.dispatch('listPosts', [])).toEqual({
      ok: false,
      error: WINDOW_TEXT.unexpected,
    });
  });
});
