/** The log file: one redacted line per entry, rotated by size, never throwing when the disk says no. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../main/core/ports.ts';
import { createFileLogger } from '../../../main/diagnostics/log-file.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function dir(): Promise<string> {
  const made = await makeTempDir();
  cleanups.push(made.remove);
  return made.path;
}

const AT = new Date('2026-11-25T10:00:00.000Z');

describe('log file', () => {
  it('writes one line per entry, with no token and no message text', async () => {
    const logDir = join(await dir(), 'logs');
    const log = createFileLogger({ dir: logDir, now: () => AT });
    log.info('starting', { version: '1.0.0' });
    log.warn('sync failed', {
      token: 'tok_secret',
      text: 'Proud of our team!',
      url: 'https://e.example/v1?token=tok_secret',
    });
    const content = await readFile(join(logDir, 'advocate.log'), 'utf8');
    expect(content).toBe(
      '2026-11-25T10:00:00.000Z INFO starting {"version":"1.0.0"}\n' +
        '2026-11-25T10:00:00.000Z WARN sync failed {"token":"[redacted]","text":"[redacted]","url":"https://e.example/v1?token=[redacted]"}\n',
    );
    expect(log.tail(1)).toEqual([content.trimEnd().split('\n')[1]]);
  });

  it('rotates by size, keeping the configured number of older files', async () => {
    const logDir = await dir();
    const log = createFileLogger({ dir: logDir, maxBytes: 200, keep: 2, now: () => AT });
    for (let index = 0; index < 20; index += 1)
      log.info(`entry ${String(index).padStart(2, '0')}`, { padding: 'x'.repeat(40) });
    expect((await readdir(logDir)).sort()).toEqual(['advocate.1.log', 'advocate.2.log', 'advocate.log']);
    const current = await readFile(join(logDir, 'advocate.log'), 'utf8');
    expect(current.length).toBeLessThanOrEqual(200);
    expect(current).toContain('entry 19');
    expect(await readFile(join(logDir, 'advocate.1.log'), 'utf8')).not.toContain('entry 19');
  });

  it('carries on (and tells the echo) when the file cannot be written', async () => {
    const base = await dir();
    const log = createFileLogger({ dir: base, now: () => AT, echo: silentEcho() });
    const { rm } = await import('node:fs/promises');
    await rm(base, { recursive: true });
    expect(() => log.error('still running')).not.toThrow();
  });
});

function silentEcho(): Logger {
  return { info: () => undefined, warn: () => undefined, error: () => undefined };
}
