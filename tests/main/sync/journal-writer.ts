/**
 * Run as its own process by journal-crash.test.ts: records shares and acknowledges them as fast as it
 * can, with compaction every few dozen lines, printing each only once the journal has it on disk,
 * until the test kills it with SIGKILL at a random moment.
 */
import { uuidv7 } from '../../../common/uuid.ts';
import { ShareJournal } from '../../../main/sync/share-journal.ts';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: journal-writer.ts <journal path>');

const journal = await ShareJournal.open(path, { compactAtLines: 30 });
console.log('writing');
for (let n = 0; ; n += 1) {
  // Every event on a post of its own, so a compaction keeps them all: what was confirmed can be checked.
  const event = {
    id: uuidv7(),
    type: 'shared' as const,
    postKey: `https://blog.example.com/${String(n)}`,
    network: 'linkedin' as const,
    at: new Date().toISOString(),
  };
  await journal.record(event);
  console.log(`recorded ${event.id}`);
  if (n % 3 === 0) {
    await journal.acknowledge([event.id]);
    console.log(`acked ${event.id}`);
  }
}
