/**
 * Share kits written by marketing, one per post URL. Messages are checked with the same length rules
 * the window counts with (common/share), measured with the link a person would actually post.
 */
import { Value } from 'typebox/value';
import { NETWORKS } from '../../common/domain.ts';
import {
  KitMessagesSchema,
  KitVariantsSchema,
  MAX_PITCH_LENGTH,
  type ShareKitInput,
  type ShareKitWire,
} from '../../common/protocol.ts';
import { countGraphemes } from '../../common/share/graphemes.ts';
import { withLink } from '../../common/share/intents.ts';
import { measureMessage } from '../../common/share/length.ts';
import type { Db } from '../database.ts';
import { revisePostsOf } from '../feeds/post-rows.ts';
import { readWebUrl } from '../posts/post-url.ts';
import { variantName, variantNumberProblems, variantsOf, withFirstVariants } from './kit-variants.ts';

/**
 * The kit with its post and image addresses as they are stored (`new URL(...).href`), or what is wrong
 * with the first that cannot be read; `names` are the fields' names in the message.
 */
export function readKitUrls(
  kit: ShareKitInput,
  names: { readonly postKey: string; readonly imageUrl: string },
): { readonly kit: ShareKitInput } | { readonly problem: string } {
  const post = readWebUrl(names.postKey, kit.postKey);
  if ('problem' in post) return post;
  const image = kit.imageUrl === null ? null : readWebUrl(names.imageUrl, kit.imageUrl, true);
  if (image !== null && 'problem' in image) return image;
  return { kit: { ...kit, postKey: post.href, imageUrl: image?.href ?? null } };
}

/** Problems that keep a kit from being saved, each naming the field; empty when it is fine. */
export function kitProblems(kit: ShareKitInput, exampleLink: string): string[] {
  const problems: string[] = [];
  const pitchLength = countGraphemes(kit.pitch);
  if (pitchLength > MAX_PITCH_LENGTH)
    problems.push(`pitch: ${String(pitchLength)} characters, at most ${String(MAX_PITCH_LENGTH)}`);
  problems.push(...variantNumberProblems(kit));
  const variants = variantsOf(kit);
  for (const network of NETWORKS) {
    for (const { id, text } of variants[network] ?? []) {
      const { length, limit, over } = measureMessage(network, withLink(text, exampleLink));
      if (over)
        problems.push(
          `${variantName(kit, network, id)}: ${String(length)} characters with the link, the limit is ${String(limit)}`,
        );
    }
  }
  return problems;
}

type KitRow = {
  post_key: string;
  pitch: string;
  messages: string;
  hashtags: string;
  image_url: string | null;
  updated_at: string;
  variants: string | null;
};

function fromRow(row: KitRow): ShareKitWire {
  const messages: unknown = JSON.parse(row.messages);
  const hashtags: unknown = JSON.parse(row.hashtags);
  const damaged = new Error(`the stored kit for ${row.post_key} is damaged`);
  if (!Value.Check(KitMessagesSchema, messages) || !Array.isArray(hashtags)) throw damaged;
  // A kit saved before variants has none stored: each of its messages is variant 1.
  const variants: unknown = row.variants === null ? withFirstVariants({ messages }).variants : JSON.parse(row.variants);
  if (!Value.Check(KitVariantsSchema, variants)) throw damaged;
  return {
    postKey: row.post_key,
    pitch: row.pitch,
    messages,
    hashtags: hashtags.map(String),
    imageUrl: row.image_url,
    updatedAt: row.updated_at,
    variants,
  };
}

/** Every change desktops must fetch again (a kit, the block list) moves the ETag of GET /v1/kits. */
export async function bumpKitsVersion(db: Db): Promise<void> {
  await db
    .updateTable('organisation')
    .set((eb) => ({ kits_version: eb('kits_version', '+', 1) }))
    .execute();
}

export async function saveKit(db: Db, kit: ShareKitInput, now = new Date()): Promise<ShareKitWire> {
  const { messages, variants } = withFirstVariants(kit);
  const row: KitRow = {
    post_key: kit.postKey,
    pitch: kit.pitch.trim(),
    messages: JSON.stringify(messages),
    hashtags: JSON.stringify(kit.hashtags),
    image_url: kit.imageUrl,
    updated_at: now.toISOString(),
    variants: JSON.stringify(variants),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('share_kits')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('post_key').doUpdateSet({
          pitch: row.pitch,
          messages: row.messages,
          hashtags: row.hashtags,
          image_url: row.image_url,
          updated_at: row.updated_at,
          variants: row.variants,
        }),
      )
      .execute();
    await bumpKitsVersion(trx);
    await revisePostsOf(trx, kit.postKey);
  });
  return fromRow(row);
}

export async function deleteKit(db: Db, postKey: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { numDeletedRows } = await trx.deleteFrom('share_kits').where('post_key', '=', postKey).executeTakeFirst();
    if (numDeletedRows === 0n) return false;
    await bumpKitsVersion(trx);
    await revisePostsOf(trx, postKey);
    return true;
  });
}

export async function getKit(db: Db, postKey: string): Promise<ShareKitWire | null> {
  const row = await db.selectFrom('share_kits').selectAll().where('post_key', '=', postKey).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export const MAX_KITS_LISTED = 500;

/** The most recently edited kits first. */
export async function listKits(db: Db): Promise<ShareKitWire[]> {
  const rows = await db
    .selectFrom('share_kits')
    .selectAll()
    .orderBy('updated_at', 'desc')
    .limit(MAX_KITS_LISTED)
    .execute();
  return rows.map(fromRow);
}

/** The kits of these post keys, by key. */
export async function listKitsFor(db: Db, postKeys: readonly string[]): Promise<Map<string, ShareKitWire>> {
  if (postKeys.length === 0) return new Map();
  const rows = await db.selectFrom('share_kits').selectAll().where('post_key', 'in', postKeys).execute();
  return new Map(rows.map((row) => [row.post_key, fromRow(row)]));
}

/** Changes with every save and delete: the ETag of GET /v1/kits. */
export async function kitsVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('organisation').select('kits_version').executeTakeFirst();
  return row?.kits_version ?? 0;
}
