/**
 * The benchmarks keep running: every one of them in its smoke mode (tiny sizes, one round), as `npm run bench --
 * --smoke` runs them, and a failure is reported in words with a non-zero exit, never as an uncaught exception.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/spawn-command.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runTsx(script: string, args: readonly string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the benchmarks', () => {
  it('all run through in smoke mode, each saying its figures are not to be compared', async () => {
    // Tried: every folder of bench/ with --smoke. Must hold: exit 0, each one's header and smoke notice printed.
    const suites = (await readdir(join(PROJECT_ROOT, 'bench'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && existsSync(join(PROJECT_ROOT, 'bench', entry.name, 'index.ts')))
      .map((entry) => entry.name);
    expect(suites).toEqual(expect.arrayContaining(['feeds', 'message-length', 'server', 'sync', 'window']));
    const ran = await runTsx('bench/run.ts', ['--smoke']);
    const output = `${ran.stdout}\n${ran.stderr}`;
    expect(ran.code, output).toBe(0);
    for (const suite of suites) expect(output).toContain(`== bench/${suite} ==\n(smoke run: tiny sizes, one round`);
    expect(output).not.toMatch(/failed|GOAL MISSED|goal met/);
  });

  it('reports a failure as the benchmark, the step and the reason, cleans up, and exits 1', async () => {
    // Tried: a socket error no one listens to, thrown while seeding. Must hold: one line naming all three, no stack
    // trace, the clean-up run, exit code 1.
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const marker = join(dir.path, 'cleaned');
    const ran = await runTsx('tests/bench/fixtures/failing-bench.ts', [marker]);
    expect(ran.code).toBe(1);
    expect(ran.stderr.trim()).toBe('bench/failing failed while seeding 10 people: read ECONNRESET');
    expect(existsSync(marker)).toBe(true);
  });
});
