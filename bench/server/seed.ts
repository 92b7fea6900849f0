/**
 * Seeds an endpoint database through the real code paths (enrollment, recordSubmissions, linkCodes):
 * people with tokens, their share events spread over half a year, and tracked links.
 */
import { NETWORKS, type ShareEvent } from '../../common/domain.ts';
import { uuidv7 } from '../../common/uuid.ts';
import { enroll } from '../../server/admin/enroll.ts';
import { ensureOrganisation } from '../../server/admin/organisation.ts';
import type { Db } from '../../server/database.ts';
import { linkCodes } from '../../server/links/tracked-links.ts';
import { recordSubmissions, type Submission } from '../../server/shares/record-events.ts';

export interface Seeded {
  readonly tokens: string[];
  readonly codes: string[];
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const TEAMS = ['Sales', 'Engineering', 'Marketing', 'Support', 'Finance', 'People', 'Product', 'Operations'];

export async function seed(
  db: Db,
  options: { people: number; eventsPerPerson: number; posts: number; links: number },
): Promise<Seeded> {
  const next = random(42);
  const first = await ensureOrganisation(db);
  if (!first) throw new Error('seed needs an empty database');
  const tokens: string[] = [];
  for (let i = 0; i < options.people; i += 1) {
    const outcome = await enroll(db, {
      code: first.enrollmentCode,
      displayName: `Person ${String(i)}`,
      team: TEAMS[i % TEAMS.length] ?? 'Sales',
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    tokens.push(outcome.answer.token);
  }
  const people = await db.selectFrom('people').select(['id', 'team_id']).orderBy('id').execute();
  const now = Date.now();
  const PEOPLE_PER_COMMIT = 20;
  for (let start = 0; start < people.length; start += PEOPLE_PER_COMMIT) {
    const submissions: Submission[] = people.slice(start, start + PEOPLE_PER_COMMIT).map((person) => {
      const events: ShareEvent[] = Array.from({ length: options.eventsPerPerson }, () => {
        const at = new Date(now - Math.floor(next() * 180 * DAY_MS));
        return {
          id: uuidv7(at.getTime()),
          type: next() < 0.1 ? 'unshared' : 'shared',
          postKey: `https://blog.example.com/posts/${String(Math.floor(next() * options.posts))}`,
          network: NETWORKS[Math.floor(next() * NETWORKS.length)] ?? 'x',
          at: at.toISOString(),
        };
      });
      return { submitter: { personId: person.id, teamId: person.team_id }, events };
    });
    await db.transaction().execute((trx) => recordSubmissions(trx, submissions, new Date()));
  }
  const codes: string[] = [];
  for (let i = 0; codes.length < options.links; i += 1) {
    const person = people[i % people.length];
    if (!person) break;
    const made = await linkCodes(db, person.id, `https://blog.example.com/posts/${String(i % options.posts)}`, [
      'linkedin',
      'x',
    ]);
    codes.push(...made.values());
  }
  return { tokens, codes };
}
