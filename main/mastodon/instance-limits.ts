/**
 * What one Mastodon server allows in a post, read from its public `/api/v2/instance`
 * (`configuration.statuses.max_characters` and `characters_reserved_per_url`). Servers differ: many allow
 * 500, some 1,000 or 5,000, so the window's counter must use the person's server's figure.
 */
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { DEFAULT_MASTODON_LIMITS, type MastodonLimits } from '../../common/share/length.ts';
import { readCapped } from '../../feeds/http-get.ts';
import type { HttpFetch } from '../core/ports.ts';

/** An instance document is a few KiB (rules, languages, contact); anything past this is not one. */
export const INSTANCE_MAX_BYTES = 512 * 1024;
/** A silent server must not hold a request open: after this the defaults stay. */
export const INSTANCE_TIMEOUT_MS = 10_000;

/** Bounds no real server comes near: a figure outside them is a broken answer, not a limit. */
const Limit = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const InstanceSchema = Type.Object({
  configuration: Type.Object({
    statuses: Type.Object({
      max_characters: Limit,
      characters_reserved_per_url: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    }),
  }),
});

export class InstanceLimitsError extends Error {
  override readonly name = 'InstanceLimitsError';
}

export interface InstanceReadLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

const READ_LIMITS: InstanceReadLimits = { timeoutMs: INSTANCE_TIMEOUT_MS, maxBytes: INSTANCE_MAX_BYTES };

/** The server's limits, or an InstanceLimitsError saying (for the log) why they could not be read. */
export async function readInstanceLimits(
  fetch: HttpFetch,
  instance: string,
  { timeoutMs, maxBytes }: InstanceReadLimits = READ_LIMITS,
): Promise<MastodonLimits> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new InstanceLimitsError(`${instance} did not answer within ${String(timeoutMs / 1000)} s`)),
    timeoutMs,
  );
  try {
    const response = await fetch(`https://${instance}/api/v2/instance`, {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    }).catch((error: unknown) => {
      throw controller.signal.aborted
        ? controller.signal.reason
        : new InstanceLimitsError(`${instance} could not be reached`, { cause: error });
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new InstanceLimitsError(`${instance} answered ${String(response.status)} to /api/v2/instance`);
    }
    const bytes = await readCapped(response, maxBytes, () =>
      controller.abort(
        new InstanceLimitsError(`${instance}'s instance document is larger than ${String(maxBytes / 1024)} KiB`),
      ),
    ).catch((error: unknown) => {
      throw controller.signal.aborted
        ? controller.signal.reason
        : new InstanceLimitsError(`${instance}'s answer was cut off`, { cause: error });
    });
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new InstanceLimitsError(`${instance}'s instance document is not JSON`);
    }
    if (!Value.Check(InstanceSchema, body))
      throw new InstanceLimitsError(`${instance}'s instance document has no usable configuration.statuses`);
    const { statuses } = body.configuration;
    return {
      instance,
      maxCharacters: statuses.max_characters,
      charactersReservedPerUrl:
        statuses.characters_reserved_per_url ?? DEFAULT_MASTODON_LIMITS.charactersReservedPerUrl,
    };
  } finally {
    clearTimeout(timer);
  }
}
