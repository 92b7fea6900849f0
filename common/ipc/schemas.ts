/**
 * Runtime argument schemas for every IPC call. Kept apart from the contract so the preload bundle,
 * which only needs channel names, does not carry a validator.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { ARCHIVE_FORMATS, MAX_ARCHIVED_TEXT } from '../archive.ts';
import { NETWORKS } from '../domain.ts';
import { NetworkSchema } from '../protocol.ts';
import { MAX_VARIANTS } from '../share/variants.ts';
import { MAX_FEEDS, MAX_NAME_LENGTH } from '../settings.ts';
import type { InvokeMap, InvokeName } from './contract.ts';

const PostIdSchema = Type.String({ minLength: 1, maxLength: 512 });

const MarkSharedRequestSchema = Type.Object(
  {
    postId: PostIdSchema,
    network: NetworkSchema,
    text: Type.Optional(Type.String({ maxLength: MAX_ARCHIVED_TEXT })),
    variant: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VARIANTS })),
  },
  { additionalProperties: false },
);

/**
 * The shape of a settings change. Ranges, formats and locks are checked by main's settings rules, which
 * answer in words the window can show; this only bounds types and sizes.
 */
const Address = Type.String({ maxLength: 2048 });
const Name = Type.String({ maxLength: MAX_NAME_LENGTH });
const SettingsUpdateSchema = Type.Object(
  {
    endpointUrl: Type.Optional(Type.Union([Address, Type.Null()])),
    enrollmentCode: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
    userFeedUrls: Type.Optional(Type.Array(Address, { maxItems: MAX_FEEDS })),
    pollIntervalMinutes: Type.Optional(Type.Integer()),
    quietHours: Type.Optional(
      Type.Union([
        Type.Object(
          { start: Type.String({ maxLength: 5 }), end: Type.String({ maxLength: 5 }) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    dailyNotificationCap: Type.Optional(Type.Integer()),
    enabledNetworks: Type.Optional(Type.Array(NetworkSchema, { maxItems: NETWORKS.length })),
    startAtLogin: Type.Optional(Type.Boolean()),
    displayName: Type.Optional(Name),
    team: Type.Optional(Name),
    mastodonInstance: Type.Optional(Type.String({ maxLength: 256 })),
  },
  { additionalProperties: false },
);

const ProfileChangeSchema = Type.Object(
  { displayName: Type.Optional(Name), team: Type.Optional(Name) },
  { additionalProperties: false },
);

export const INVOKE_ARG_SCHEMAS = {
  listPosts: Type.Tuple([]),
  markShared: Type.Tuple([MarkSharedRequestSchema]),
  refreshFeeds: Type.Tuple([]),
  listFeeds: Type.Tuple([]),
  getPostSource: Type.Tuple([]),
  checkFeed: Type.Tuple([Type.String({ minLength: 1, maxLength: 2048 })]),
  getSettings: Type.Tuple([]),
  updateSettings: Type.Tuple([SettingsUpdateSchema]),
  updateProfile: Type.Tuple([ProfileChangeSchema]),
  // Bounded here; the allowed schemes are main's decision (main/web/external-url.ts).
  openExternal: Type.Tuple([Type.String({ minLength: 1, maxLength: 16 * 1024 })]),
  markRead: Type.Tuple([PostIdSchema]),
  undoShare: Type.Tuple([MarkSharedRequestSchema]),
  getShareKit: Type.Tuple([PostIdSchema]),
  getResults: Type.Tuple([]),
  refreshResults: Type.Tuple([Type.Union([Type.Literal('if-stale'), Type.Literal('now')])]),
  getSyncStatus: Type.Tuple([]),
  getNotificationPause: Type.Tuple([]),
  pauseNotifications: Type.Tuple([
    Type.Union([Type.Literal('hour'), Type.Literal('tomorrow'), Type.Literal('resume')]),
  ]),
  getMastodonLimits: Type.Tuple([]),
  exportArchive: Type.Tuple([Type.Enum(ARCHIVE_FORMATS)]),
} as const satisfies { readonly [K in InvokeName]: TSchema };

/** Fails to compile when a schema's static type and the contract's argument tuple drift apart. */
type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllAgree<T extends { [K in InvokeName]: true }> = T;
export type SchemasMatchContract = AllAgree<{
  [K in InvokeName]: Agrees<Static<(typeof INVOKE_ARG_SCHEMAS)[K]>, InvokeMap[K]['args']>;
}>;
