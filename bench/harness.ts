/**
 * What every benchmark shares: the smoke mode (`--smoke`: tiny sizes, one round, to prove it still runs) and the
 * way a benchmark ends. A failure, thrown or emitted by a socket no one listens to, prints which benchmark failed,
 * at which step and why, in one line, and the process exits 1; a missed goal exits 1 too. A smoke run checks no
 * goal: its figures say nothing about speed.
 */
export const SMOKE = process.argv.includes('--smoke');

/** The full run's size, or the smoke run's. */
export const bySize = <T>(full: T, smoke: T): T => (SMOKE ? smoke : full);

let missed = 0;
let step = 'starting';

/** Names what the benchmark is doing now, for the line that says where it failed. */
export function stepTo(what: string): void {
  step = what;
}

/** The verdict's closing words; counts a missed goal, except in a smoke run. */
export function goal(met: boolean): string {
  if (SMOKE) return '(smoke run: goal not checked)';
  if (!met) missed += 1;
  return met ? '(goal met)' : '(GOAL MISSED)';
}

/** One measurement: ours beside its anchor, and the verdict against the goal. */
export function report(name: string, ours: string, anchor: string, verdict: string, met: boolean): void {
  console.log(`${name}\n  ours:   ${ours}\n  anchor: ${anchor}\n  ${verdict} ${goal(met)}`);
}

/** For a goal the benchmark cannot check in this run, such as a corpus it was not given. */
export function notChecked(): void {
  if (!SMOKE) missed += 1;
}

const reasons = (error: unknown): string[] => {
  if (!(error instanceof Error)) return [String(error)];
  const code = (error as { code?: unknown }).code;
  const own = typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  return [own, ...(error.cause === undefined ? [] : reasons(error.cause))];
};

/**
 * Runs a benchmark's body: its exit code says whether it ran through and met its goals. `cleanUp` (removing its
 * temporary folder) runs either way, also when a failure ends the process.
 */
export async function runBenchmark(name: string, body: () => Promise<void>, cleanUp: () => void = () => undefined) {
  const fail = (error: unknown): never => {
    console.error(`\nbench/${name} failed while ${step}: ${reasons(error).join(': ')}`);
    cleanUp();
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  if (SMOKE) console.log('(smoke run: tiny sizes, one round; figures not comparable, not for BENCHMARKS.md)');
  await body().catch(fail);
  cleanUp();
  process.exitCode = missed > 0 ? 1 : 0;
}
