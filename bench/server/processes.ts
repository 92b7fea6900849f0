/** Servers under measurement run in their own processes, logging to a file, so the client has its own core. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const running = new Set<ChildProcess>();

/** Ends every server still running: for a benchmark that failed half-way and exits. */
export function killServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServerProcess(
  script: string,
  args: readonly string[],
  logFile: string,
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...env },
  });
  closeSync(log);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = ready.exec(readFileSync(logFile, 'utf8'));
    if (match?.[1]) {
      const url = match[1];
      return {
        url,
        child,
        stop: () =>
          new Promise((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${script} did not start:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
