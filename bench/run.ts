/**
 * `npm run bench [-- [--smoke] name…]`: runs every benchmark folder (bench/<name>/index.ts) in its own Node
 * process, so one benchmark's heap never colours another's memory figures. Each prints ours beside its anchor.
 * `--smoke` runs each at tiny sizes, once (bench/harness.ts): `npm test` does, so a benchmark that no longer
 * runs fails the tests. Exits 1 when one failed or missed its goal, naming which.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = import.meta.dirname;
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const wanted = new Set(process.argv.slice(2).filter((arg) => !arg.startsWith('--')));
const suites = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(benchDir, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .filter((name) => wanted.size === 0 || wanted.has(name))
  .sort();

if (suites.length === 0) {
  console.log(
    wanted.size > 0 ? `No benchmark named ${[...wanted].join(', ')}.` : 'No benchmarks yet: add bench/<name>/index.ts.',
  );
  process.exit(wanted.size > 0 ? 1 : 0);
}

const failed: string[] = [];
for (const suite of suites) {
  console.log(`\n== bench/${suite} ==`);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(benchDir, suite, 'index.ts'), ...flags],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) failed.push(suite);
}
if (failed.length > 0)
  console.error(`\nFailed or missed a goal: ${failed.map((suite) => `bench/${suite}`).join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
