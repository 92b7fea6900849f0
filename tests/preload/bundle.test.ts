/**
 * The BUILT preload (out/preload/index.cjs) in a vm context shaped like Electron's sandbox: `require`
 * knows only 'electron', and there is no process, module system or Node global beyond that.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../common/ipc/contract.ts';

const bundlePath = fileURLToPath(new URL('../../out/preload/index.cjs', import.meta.url));

async function loadBundle() {
  const code = await readFile(bundlePath, 'utf8').catch(() => {
    throw new Error(`${bundlePath} is missing: run "npm run build" first (npm test does)`);
  });
  const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: ['a post'] });
      },
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`Cannot find module '${name}' (a sandboxed preload may only require electron)`);
  };
  const exports = {};
  runInNewContext(code, { require: sandboxRequire, module: { exports }, exports }, { filename: 'index.cjs' });
  return { exposed, invoked, required };
}

describe('built preload bundle', () => {
  it('runs in a sandbox-like context requiring nothing but electron', async () => {
    const { required, exposed } = await loadBundle();
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect([...exposed.keys()]).toEqual(['advocate']);
  });

  it('exposes working calls that reach main on the contract channel', async () => {
    const { exposed, invoked } = await loadBundle();
    const api = exposed.get('advocate');
    await expect(api?.['listPosts']?.()).resolves.toEqual(['a post']);
    expect(invoked).toEqual([{ channel: INVOKE_CHANNELS.listPosts, args: [] }]);
  });

  it('carries no validator or other dependency: it stays a small file', async () => {
    const code = await readFile(bundlePath, 'utf8');
    expect(code.length).toBeLessThan(4 * 1024);
  });
});
