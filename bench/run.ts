/**
 * `npm run bench [name…]`: runs every benchmark folder (bench/<name>/index.ts) in its own Node process,
 * so one benchmark's heap never colours another's memory figures. Each prints ours beside its anchor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = import.meta.dirname;
const wanted = new Set(process.argv.slice(2));
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

let failed = 0;
for (const suite of suites) {
  console.log(`\n== bench/${suite} ==`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(benchDir, suite, 'index.ts')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
