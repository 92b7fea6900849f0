/**
 * Which requests count as a person clicking: GET with a user agent that is not a crawler or a
 * link-preview bot (isbot). The same few user agents arrive again and again, so answers are cached.
 */
import { isbot } from 'isbot';

const CACHE_SIZE = 2000;
const verdicts = new Map<string, boolean>();

export function isHumanClick(method: string, userAgent: string | undefined): boolean {
  if (method !== 'GET' || userAgent === undefined || userAgent.trim() === '') return false;
  let human = verdicts.get(userAgent);
  if (human === undefined) {
    human = !isbot(userAgent);
    if (verdicts.size >= CACHE_SIZE) verdicts.clear();
    verdicts.set(userAgent, human);
  }
  return human;
}
