/** Runs one of the project's commands as a newcomer would, and waits for the line it prints when ready. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningCommand {
  readonly child: ChildProcess;
  /** The first capture group of `ready` in the command's output. */
  readonly captured: string;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  readonly stop: () => Promise<number | null>;
}

export function startTsx(
  script: string,
  args: readonly string[],
  ready: RegExp,
  timeoutMs = 20_000,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningCommand> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  // 'close', not 'exit': a process may exit before the test has read all it printed (a busy machine reads
  // the pipe late), and a test that checks what a killed process confirmed must see all of it.
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not print ${String(ready)} within ${String(timeoutMs)} ms; output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        child,
        captured: match[1] ?? '',
        output: () => output,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${String(code)} before it was ready; output:\n${output}`));
    });
  });
}

/** Runs a command to its end and returns its exit code and output. */
export function runTsx(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
