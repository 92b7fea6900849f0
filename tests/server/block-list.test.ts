/**
 * The endpoint's block list: the admin sets it with `npm run server:admin -- block-list …`, desktops that
 * ask for it get it with the kits (moving the ETag), desktops from before it get the kits' old shape, and
 * a term that would match everything is refused with a reason, the list unchanged.
 */
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { Type } from 'typebox';
import { KitsResponseSchema, ShareKitSchema, type KitsResponse } from '../../common/protocol.ts';
import { listBlockTerms, setBlockTerm } from '../../server/compliance/block-list-store.ts';
import { freshEndpointPerTest } from '../helpers/endpoint.ts';
import { apiAs } from '../helpers/endpoint-api.ts';
import { runTsx } from '../helpers/spawn-command.ts';

const endpoint = freshEndpointPerTest();
/** Each admin command is a process of its own (about a second when both cores are busy). */
const COMMANDS = { timeout: 60_000 };
const admin = (...args: string[]) => runTsx('server/admin-cli.ts', ['block-list', ...args, '--db', endpoint.location]);

/** The answer's schema as a desktop from before the block list validates it (closed, no blockList). */
const OlderKitsResponseSchema = Type.Object({ kits: Type.Array(ShareKitSchema) }, { additionalProperties: false });

describe('the block list at the endpoint', () => {
  it(
    'is set with the admin command and reaches desktops with the kits, the ETag moving with each change',
    COMMANDS,
    async () => {
      const added = await admin('block', 'guaranteed', 'returns');
      expect(added).toMatchObject({ code: 0 });
      expect(added.output).toContain('Added “guaranteed returns”: block.');
      expect((await admin('warn', 'Insider')).output).toContain('Added “Insider”: warn.');

      const device = apiAs(endpoint.url, await endpoint.enroll());
      const first = await device.get<KitsResponse>('v1/kits?include=blockList');
      expect(first.status).toBe(200);
      expect(first.body.blockList).toEqual([
        { term: 'guaranteed returns', level: 'block' },
        { term: 'Insider', level: 'warn' },
      ]);
      const etag = first.headers.get('etag') ?? '';
      expect((await device.get('v1/kits?include=blockList', { 'if-none-match': etag })).status).toBe(304);

      // The same term in another case and width changes its level, not the length of the list.
      expect((await admin('block', 'ＩＮＳＩＤＥＲ')).output).toContain('Now “ＩＮＳＩＤＥＲ”: block.');
      const changed = await device.get<KitsResponse>('v1/kits?include=blockList', { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.body.blockList).toContainEqual({ term: 'ＩＮＳＩＤＥＲ', level: 'block' });
      expect(changed.body.blockList).toHaveLength(2);

      expect((await admin('remove', 'insider')).output).toContain('Removed “insider”.');
      expect((await admin('remove', 'insider')).output).toContain('“insider” is not on the block list.');
      const listed = await admin('list');
      expect(listed.output).toContain('guaranteed returns');
      expect(listed.output).not.toContain('ＩＮＳＩＤＥＲ');
    },
  );

  it('gives a desktop from before the block list the kits in the shape it validates', async () => {
    await setBlockTerm(endpoint.db, 'insider', 'block');
    const device = apiAs(endpoint.url, await endpoint.enroll());
    const older = await device.get('v1/kits');
    expect(older.status).toBe(200);
    expect(Value.Check(OlderKitsResponseSchema, older.body)).toBe(true);
    const newer = await device.get('v1/kits?include=blockList');
    expect(Value.Check(KitsResponseSchema, newer.body)).toBe(true);
    // The two answers never share an ETag, so a cache cannot hand one for the other.
    expect(older.headers.get('etag')).not.toBe(newer.headers.get('etag'));
  });

  it('refuses an unknown include with a message, rather than answering without the list', async () => {
    const device = apiAs(endpoint.url, await endpoint.enroll());
    const unknown = await device.get<{ message: string }>('v1/kits?include=everything');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('include');
  });

  it.each([
    ['an empty term', [''], 'the term is empty'],
    ['a term of only spaces', ['   '], 'the term is only spaces'],
    ['a term of one character', ['x'], 'the term “x” is one character: it would mark nearly every message'],
    ['a full-width single letter', ['Ｘ'], 'the term “Ｘ” is one character'],
  ])('refuses %s from the admin command, saying why, the list unchanged', COMMANDS, async (_case, words, reason) => {
    await setBlockTerm(endpoint.db, 'insider', 'warn');
    const refused = await admin('block', ...words);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain(`The term was not added: ${reason}`);
    expect(refused.output).toContain('The list is unchanged.');
    expect(await listBlockTerms(endpoint.db)).toEqual([{ term: 'insider', level: 'warn' }]);
  });

  it('refuses an unknown action, naming the ones there are', COMMANDS, async () => {
    const unknown = await admin('ban', 'insider');
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('Unknown block-list action "ban": use block, warn, remove or list.');
  });

  it('refuses a 501st term, keeping the 500', async () => {
    const terms = Array.from({ length: 499 }, (_, index) => `term ${String(index)}`);
    await endpoint.db
      .insertInto('block_list')
      .values(terms.map((term) => ({ term_key: term, term, level: 'warn' as const, updated_at: 'before' })))
      .execute();
    expect(await setBlockTerm(endpoint.db, 'term 499', 'warn')).toMatchObject({ ok: true, change: 'added' });
    expect(await setBlockTerm(endpoint.db, 'one more', 'warn')).toEqual({
      ok: false,
      reason: 'the list already holds 500 terms, the most it may hold',
    });
    // A term already listed may still change its level.
    expect(await setBlockTerm(endpoint.db, 'TERM 7', 'block')).toMatchObject({ ok: true, change: 'updated' });
    expect(await listBlockTerms(endpoint.db)).toHaveLength(500);
  });
});
