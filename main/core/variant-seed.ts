/**
 * This desktop's seed for the message variant it is offered (common/share/variants.ts): made once, kept
 * in variant-seed.json in the data folder, so a person keeps their wording of a post across restarts,
 * another endpoint or a new enrollment. Random, never derived from the person: it tells the endpoint
 * nothing, and nothing sends it.
 */
import { readFile } from 'node:fs/promises';
import { uuidv7 } from '../../common/uuid.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import type { Logger } from './ports.ts';

const MIN_SEED_LENGTH = 16;

export async function loadVariantSeed(path: string, log: Logger): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text !== null) {
    try {
      const kept: unknown = JSON.parse(text);
      if (typeof kept === 'object' && kept !== null && 'seed' in kept) {
        const { seed } = kept;
        if (typeof seed === 'string' && seed.length >= MIN_SEED_LENGTH) return seed;
      }
    } catch {
      // an unreadable file is replaced below
    }
    log.warn('the variant seed could not be read; making a new one (wordings offered may change once)', { path });
  }
  const seed = uuidv7();
  await writeFileAtomic(path, JSON.stringify({ seed }));
  return seed;
}
