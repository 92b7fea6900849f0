/**
 * The endpoint protocol (/v1/). The same schemas validate requests on the server (Fastify + TypeBox,
 * no coercion, no stripping) and answers on the desktop, so both sides agree on one definition.
 */
import { Type, type Static } from 'typebox';
import { NETWORKS } from './domain.ts';
import { UUID_V7_PATTERN } from './uuid.ts';

export const MAX_EVENTS_PER_BATCH = 100;

const ISO_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

export const NetworkSchema = Type.Enum(NETWORKS);

/** A canonical post URL: http(s) only, bounded so a hostile client cannot make keys huge. */
export const PostKeySchema = Type.String({ minLength: 8, maxLength: 2048, pattern: '^https?://' });

export const ShareEventSchema = Type.Object(
  {
    id: Type.String({ pattern: UUID_V7_PATTERN }),
    type: Type.Union([Type.Literal('shared'), Type.Literal('unshared')]),
    postKey: PostKeySchema,
    network: NetworkSchema,
    at: Type.String({ pattern: ISO_TIME_PATTERN, maxLength: 40 }),
  },
  { additionalProperties: false },
);

export const EventBatchSchema = Type.Object(
  { events: Type.Array(ShareEventSchema, { minItems: 1, maxItems: MAX_EVENTS_PER_BATCH }) },
  { additionalProperties: false },
);
export type EventBatch = Static<typeof EventBatchSchema>;

export const EventResultSchema = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal('created'), Type.Literal('duplicate'), Type.Literal('rejected')]),
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const EventResultsSchema = Type.Object(
  { results: Type.Array(EventResultSchema) },
  { additionalProperties: false },
);
export type EventResults = Static<typeof EventResultsSchema>;

export const PostCountSchema = Type.Object(
  { postKey: Type.String(), shares: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export const SummarySchema = Type.Object({ posts: Type.Array(PostCountSchema) }, { additionalProperties: false });
export type Summary = Static<typeof SummarySchema>;

export const ErrorBodySchema = Type.Object({ error: Type.String(), message: Type.String() });
