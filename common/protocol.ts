/**
 * The endpoint protocol (/v1/). The same schemas validate requests on the server (Fastify + TypeBox,
 * no coercion, no stripping) and answers on the desktop, so both sides agree on one definition.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { NETWORKS } from './domain.ts';
import { MAX_NAME_LENGTH } from './settings.ts';
import { MAX_ARCHIVED_TEXT } from './archive.ts';
import { BLOCK_LEVELS, MAX_BLOCK_TERM_LENGTH, MAX_BLOCK_TERMS } from './share/block-list.ts';
import { SHARE_CODE_PATTERN } from './share/utm.ts';
import { MAX_VARIANTS } from './share/variants.ts';
import { UUID_V7_PATTERN } from './uuid.ts';

export const MAX_EVENTS_PER_BATCH = 100;

const ISO_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';
/** Printable text: no control characters, no lone surrogates, no bidi overrides that could disguise a name. */
const PRINTABLE_PATTERN = '^[^\\p{Cc}\\p{Cs}\\u202a-\\u202e\\u2066-\\u2069]*$';
const closed = { additionalProperties: false } as const;
const Nullable = <S extends TSchema>(schema: S) => Type.Union([schema, Type.Null()]);

export const NetworkSchema = Type.Enum(NETWORKS);

/**
 * A canonical post URL as `new URL(link).href` writes it: http(s), printable ASCII only (the URL
 * serializer percent-encodes everything else), bounded so a hostile client cannot make keys huge.
 */
export const MAX_POST_KEY_LENGTH = 2048;
export const PostKeySchema = Type.String({
  minLength: 8,
  maxLength: MAX_POST_KEY_LENGTH,
  pattern: '^https?://[\\x21-\\x7e]+$',
});
export const DisplayNameSchema = Type.String({ minLength: 1, maxLength: 80, pattern: PRINTABLE_PATTERN });
export const TeamNameSchema = Type.String({ minLength: 1, maxLength: 80, pattern: PRINTABLE_PATTERN });
const IsoTimeSchema = Type.String({ pattern: ISO_TIME_PATTERN, maxLength: 40 });
/** A Monday (UTC) as YYYY-MM-DD: weeks run Monday to Sunday in UTC. */
const WeekSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Count = Type.Integer({ minimum: 0 });

// ── Enrollment ────────────────────────────────────────────────────────────────────────────────────

/**
 * A name as a person typed it: the endpoint cleans and checks it with common/names.ts and refuses it in
 * words, so the schema only bounds its size (room for the spaces and invisible characters cleaning removes).
 */
const TypedNameSchema = Type.String({ maxLength: 4 * MAX_NAME_LENGTH });

export const EnrollRequestSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64 }),
    displayName: TypedNameSchema,
    team: Type.Optional(TypedNameSchema),
    /**
     * Made by the desktop (UUIDv7) before its first try and sent again on every retry until it has kept
     * a token: the same id gets the same person and device back with a fresh token, never a second person.
     * Optional so desktops from before it keep enrolling.
     */
    enrollmentId: Type.Optional(Type.String({ pattern: UUID_V7_PATTERN })),
  },
  closed,
);
export type EnrollRequest = Static<typeof EnrollRequestSchema>;

export const EnrollResponseSchema = Type.Object(
  {
    /** The device token: send it as `Authorization: Bearer <token>`. Shown once; the endpoint keeps only its hash. */
    token: Type.String({ minLength: 32, maxLength: 128 }),
    displayName: DisplayNameSchema,
    team: Nullable(TeamNameSchema),
  },
  closed,
);
export type EnrollResponse = Static<typeof EnrollResponseSchema>;

// ── The person (PATCH /v1/me) ─────────────────────────────────────────────────────────────────────

/**
 * What changes: the display name, the team (null for none), or both. The team only when the person's
 * code lets them choose.
 */
export const MeUpdateSchema = Type.Object(
  { displayName: Type.Optional(TypedNameSchema), team: Type.Optional(Nullable(TypedNameSchema)) },
  { ...closed, minProperties: 1 },
);
export type MeUpdate = Static<typeof MeUpdateSchema>;

export const MeSchema = Type.Object({ displayName: DisplayNameSchema, team: Nullable(TeamNameSchema) }, closed);
export type Me = Static<typeof MeSchema>;

// ── Share events ──────────────────────────────────────────────────────────────────────────────────

export const ShareEventSchema = Type.Object(
  {
    id: Type.String({ pattern: UUID_V7_PATTERN }),
    type: Type.Union([Type.Literal('shared'), Type.Literal('unshared')]),
    postKey: PostKeySchema,
    network: NetworkSchema,
    at: IsoTimeSchema,
    /** The number of the kit's message variant the share started from; absent from desktops before variants. */
    variant: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VARIANTS })),
  },
  closed,
);

export const EventBatchSchema = Type.Object(
  { events: Type.Array(ShareEventSchema, { minItems: 1, maxItems: MAX_EVENTS_PER_BATCH }) },
  closed,
);
export type EventBatch = Static<typeof EventBatchSchema>;

export const EventResultSchema = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal('created'), Type.Literal('duplicate'), Type.Literal('rejected')]),
    reason: Type.Optional(Type.String()),
  },
  closed,
);
export type EventResult = Static<typeof EventResultSchema>;
export const EventResultsSchema = Type.Object({ results: Type.Array(EventResultSchema) }, closed);
export type EventResults = Static<typeof EventResultsSchema>;

// ── Summary ───────────────────────────────────────────────────────────────────────────────────────

export const WeekCountSchema = Type.Object({ week: WeekSchema, shares: Count }, closed);
export type WeekCount = Static<typeof WeekCountSchema>;

export const PostCountSchema = Type.Object(
  {
    postKey: Type.String(),
    /** Shares standing (a take-back removes one), over everyone. */
    shares: Count,
    /** People who have it shared on at least one network. */
    people: Count,
    clicks: Count,
  },
  closed,
);

export const LeaderboardEntrySchema = Type.Object(
  {
    rank: Type.Integer({ minimum: 1 }),
    /** Null when the organisation keeps the leaderboard anonymous (your own entry keeps its name). */
    displayName: Nullable(Type.String()),
    shares: Count,
    me: Type.Boolean(),
  },
  closed,
);
export type LeaderboardEntry = Static<typeof LeaderboardEntrySchema>;

/** What a landing page reports: a short word for the kind of conversion, like `signup`. */
export const CONVERSION_KIND_PATTERN = '^[a-z][a-z0-9_-]{0,39}$';

export const ConversionCountSchema = Type.Object(
  { kind: Type.String({ pattern: CONVERSION_KIND_PATTERN }), count: Count },
  closed,
);
export type ConversionCount = Static<typeof ConversionCountSchema>;

/** POST /v1/conversions, from a landing page's snippet: the share code from the link's utm_content. */
export const ConversionRequestSchema = Type.Object(
  {
    siteKey: Type.String({ pattern: '^site_[A-Za-z0-9_-]{43}$' }),
    code: Type.String({ pattern: SHARE_CODE_PATTERN }),
    kind: Type.String({ pattern: CONVERSION_KIND_PATTERN }),
    value: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
  },
  closed,
);
export type ConversionRequest = Static<typeof ConversionRequestSchema>;

export const SummarySchema = Type.Object(
  {
    anonymous: Type.Boolean(),
    me: Type.Object(
      {
        displayName: Type.String(),
        team: Nullable(Type.String()),
        shares: Count,
        sharesThisWeek: Count,
        sharesThisMonth: Count,
        /** Clicks on this person's tracked links, bots and previews excluded. */
        clicks: Count,
        rank: Type.Integer({ minimum: 1 }),
        /** Consecutive weeks with a share, up to this week (or last week, when this one has none yet). */
        streakWeeks: Count,
        /** The last nine weeks, oldest first. */
        weekly: Type.Array(WeekCountSchema),
        /** Conversions landing pages reported against this person's links, per kind (absent from older endpoints). */
        conversions: Type.Optional(Type.Array(ConversionCountSchema, { maxItems: 50 })),
      },
      closed,
    ),
    /** `people`, here and in `organisation`: people with at least one share standing (not everyone enrolled). */
    team: Nullable(
      Type.Object({ name: Type.String(), people: Count, shares: Count, weekly: Type.Array(WeekCountSchema) }, closed),
    ),
    organisation: Type.Object({ people: Count, shares: Count, weekly: Type.Array(WeekCountSchema) }, closed),
    leaderboard: Type.Array(LeaderboardEntrySchema),
    /** Posts shared recently, newest first. */
    posts: Type.Array(PostCountSchema),
  },
  closed,
);
export type Summary = Static<typeof SummarySchema>;

// ── Tracked links ─────────────────────────────────────────────────────────────────────────────────

export const LinksRequestSchema = Type.Object(
  {
    postKey: PostKeySchema,
    networks: Type.Array(NetworkSchema, { minItems: 1, maxItems: NETWORKS.length, uniqueItems: true }),
  },
  closed,
);
export type LinksRequest = Static<typeof LinksRequestSchema>;

export const TrackedLinkSchema = Type.Object(
  { network: NetworkSchema, code: Type.String({ pattern: SHARE_CODE_PATTERN }), url: Type.String() },
  closed,
);
export const LinksResponseSchema = Type.Object({ links: Type.Array(TrackedLinkSchema) }, closed);
export type LinksResponse = Static<typeof LinksResponseSchema>;

// ── Share kits ────────────────────────────────────────────────────────────────────────────────────

export const MAX_PITCH_LENGTH = 300;
const MessageText = Type.String({ minLength: 1, maxLength: 5000 });
const Message = Type.Optional(MessageText);

export const KitMessagesSchema = Type.Object(
  {
    linkedin: Message,
    x: Message,
    facebook: Message,
    bluesky: Message,
    threads: Message,
    mastodon: Message,
    xing: Message,
    email: Message,
  },
  closed,
);

/** Per network, the list of one kind: the same closed shape as the messages. */
const ByNetwork = <S extends TSchema>(list: S) =>
  Type.Object(
    {
      linkedin: Type.Optional(list),
      x: Type.Optional(list),
      facebook: Type.Optional(list),
      bluesky: Type.Optional(list),
      threads: Type.Optional(list),
      mastodon: Type.Optional(list),
      xing: Type.Optional(list),
      email: Type.Optional(list),
    },
    closed,
  );

/** A kit's wordings per network (common/share/variants.ts): each keeps the number of its slot. */
export const KitVariantsSchema = ByNetwork(
  Type.Array(Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_VARIANTS }), text: MessageText }, closed), {
    minItems: 1,
    maxItems: MAX_VARIANTS,
  }),
);
export type KitVariants = Static<typeof KitVariantsSchema>;

/** Roomier than a kit holds, so too many variants or a number past 5 is refused in words (kitProblems), not by shape. */
const MAX_VARIANTS_READ = 20;

export const ShareKitInputSchema = Type.Object(
  {
    postKey: PostKeySchema,
    pitch: Type.String({ maxLength: MAX_PITCH_LENGTH * 4 }),
    messages: KitMessagesSchema,
    /**
     * Where present for a network, its wordings: they replace `messages` for it, which keeps the first
     * (lowest number) for desktops from before variants. Absent: each message is variant 1.
     */
    variants: Type.Optional(
      ByNetwork(
        Type.Array(
          Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_VARIANTS_READ }), text: MessageText }, closed),
          { minItems: 1, maxItems: MAX_VARIANTS_READ },
        ),
      ),
    ),
    /** Without the "#". */
    hashtags: Type.Array(Type.String({ pattern: '^[\\p{L}\\p{N}_]{1,60}$' }), { maxItems: 10, uniqueItems: true }),
    imageUrl: Nullable(Type.String({ maxLength: 2048, pattern: '^https://[\\x21-\\x7e]+$' })),
  },
  closed,
);
export type ShareKitInput = Static<typeof ShareKitInputSchema>;

export const ShareKitSchema = Type.Object(
  {
    postKey: Type.String(),
    pitch: Type.String(),
    messages: KitMessagesSchema,
    hashtags: Type.Array(Type.String()),
    imageUrl: Nullable(Type.String()),
    updatedAt: IsoTimeSchema,
    /** Only to a desktop that asked (`include=…variants`): one from before variants knows no such field. */
    variants: Type.Optional(KitVariantsSchema),
  },
  closed,
);
export type ShareKitWire = Static<typeof ShareKitSchema>;

/** One term of the organisation's block list (common/share/block-list.ts has the matching rules). */
export const BlockTermSchema = Type.Object(
  {
    term: Type.String({ minLength: 2, maxLength: MAX_BLOCK_TERM_LENGTH }),
    level: Type.Enum(BLOCK_LEVELS),
  },
  closed,
);

/**
 * `include=blockList` asks for the block list with the kits, `include=blockList,variants` for each kit's
 * message variants too. A desktop from before either never asks, so the answer it validates keeps the
 * shape it knows; an endpoint from before the block list ignores the query and answers without the list,
 * which the desktop reads as an empty one.
 */
export const KitsQuerySchema = Type.Object(
  {
    include: Type.Optional(
      Type.Union([Type.Literal('blockList'), Type.Literal('variants'), Type.Literal('blockList,variants')]),
    ),
  },
  closed,
);
export type KitsQuery = Static<typeof KitsQuerySchema>;

export const KitsResponseSchema = Type.Object(
  {
    kits: Type.Array(ShareKitSchema),
    blockList: Type.Optional(Type.Array(BlockTermSchema, { maxItems: MAX_BLOCK_TERMS })),
  },
  closed,
);
export type KitsResponse = Static<typeof KitsResponseSchema>;

export const KitKeyQuerySchema = Type.Object({ postKey: PostKeySchema }, closed);

// ── Compliance archive (only where policy ArchiveToEndpoint is on) ─────────────────────────────────

export const MAX_ARCHIVE_ENTRIES_PER_BATCH = 20;

export const ArchiveEntrySchema = Type.Object(
  {
    /** The share event's id: a retried entry is stored once. */
    id: Type.String({ pattern: UUID_V7_PATTERN }),
    postKey: PostKeySchema,
    network: NetworkSchema,
    at: IsoTimeSchema,
    link: Type.String({ minLength: 8, maxLength: 4096 }),
    text: Type.String({ minLength: 1, maxLength: MAX_ARCHIVED_TEXT }),
    kitVersion: Type.String({ minLength: 1, maxLength: 100 }),
  },
  closed,
);
export type ArchiveEntry = Static<typeof ArchiveEntrySchema>;

export const ArchiveBatchSchema = Type.Object(
  { entries: Type.Array(ArchiveEntrySchema, { minItems: 1, maxItems: MAX_ARCHIVE_ENTRIES_PER_BATCH }) },
  closed,
);
export type ArchiveBatch = Static<typeof ArchiveBatchSchema>;

/** How many of the entries sent are kept now; the others the endpoint had already. */
export const ArchiveResultSchema = Type.Object({ stored: Count, duplicates: Count }, closed);
export type ArchiveResult = Static<typeof ArchiveResultSchema>;

// ── Posts (the endpoint as the hub: GET /v1/posts) ──────────────────────────────────────────────────

/**
 * One post of one of the organisation's feeds, as the endpoint's poller read it, with its share kit merged
 * (a kit written in the dashboard wins over the feed's own metadata). `feedUrl` + `item.id` are the same
 * identity a desktop gets when it polls that feed itself, so switching sources never announces a post twice.
 */
export const EndpointPostSchema = Type.Object(
  {
    /** The feed's address as configured at the endpoint (before any permanent redirect). */
    feedUrl: Type.String({ minLength: 8, maxLength: 2048 }),
    item: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 4096 }),
        link: PostKeySchema,
        title: Type.String({ maxLength: 2000 }),
        pitch: Type.String({ maxLength: MAX_PITCH_LENGTH * 4 }),
        imageUrl: Nullable(Type.String({ maxLength: 2048 })),
        publishedAt: Nullable(IsoTimeSchema),
        messages: KitMessagesSchema,
        hashtags: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 10 }),
        /** Always null: the endpoint serves a post only once its embargo has passed. */
        embargoUntil: Type.Null(),
      },
      closed,
    ),
    /** When the endpoint first saw it: the order of the `since` cursor. */
    firstSeenAt: IsoTimeSchema,
  },
  closed,
);
export type EndpointPost = Static<typeof EndpointPostSchema>;

export const MAX_POSTS_PER_PAGE = 200;

export const PostsQuerySchema = Type.Object(
  {
    /** The `cursor` of an earlier answer: only posts added or changed after it. Absent: every post. */
    since: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' })),
  },
  closed,
);
export type PostsQuery = Static<typeof PostsQuerySchema>;

/**
 * Answered with an ETag (a 304 to a matching If-None-Match costs no query beyond one row). `feeds` is how
 * many feeds the organisation has: 0 means the endpoint knows no posts and the desktop polls its own feeds.
 * `more` says another page is waiting: ask again at once with `since: cursor`.
 */
export const PostsResponseSchema = Type.Object(
  {
    feeds: Count,
    posts: Type.Array(EndpointPostSchema, { maxItems: MAX_POSTS_PER_PAGE }),
    cursor: Type.String({ minLength: 1, maxLength: 200 }),
    more: Type.Boolean(),
  },
  closed,
);
export type PostsResponse = Static<typeof PostsResponseSchema>;

// ── Errors ────────────────────────────────────────────────────────────────────────────────────────

export const ErrorBodySchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});
export type ErrorBody = Static<typeof ErrorBodySchema>;
