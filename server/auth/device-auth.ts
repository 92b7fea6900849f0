/**
 * Who is calling: the device token in `Authorization: Bearer <token>` names a device and through it a
 * person. The person is never taken from a request body.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { hashSecret, TOKEN_PATTERN } from '../security/secrets.ts';

export interface Caller {
  readonly deviceId: number;
  readonly personId: number;
  readonly teamId: number | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer ([^\s]+)$/.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function refuse(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer realm="advocate"')
    .send({ statusCode: 401, error: 'Unauthorized', message });
}

const SEEN_EVERY_MS = 3600_000;

/** "Last seen" to the hour: one write an hour per device, not one per call. */
async function markSeen(db: Db, deviceId: number, lastSeenAt: string | null): Promise<void> {
  const now = new Date();
  if (lastSeenAt !== null && now.getTime() - Date.parse(lastSeenAt) < SEEN_EVERY_MS) return;
  await db.updateTable('devices').set({ last_seen_at: now.toISOString() }).where('id', '=', deviceId).execute();
}

/** An onRequest hook: runs before the body is read, so an unknown caller learns nothing about it. */
export function requireDevice(db: Db) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request);
    if (token === null) {
      await refuse(reply, 'a device token is needed: enroll first, then send "Authorization: Bearer <token>"');
      return;
    }
    const device = TOKEN_PATTERN.test(token)
      ? await db
          .selectFrom('devices')
          .innerJoin('people', 'people.id', 'devices.person_id')
          .select([
            'devices.id as deviceId',
            'devices.revoked_at',
            'devices.last_seen_at',
            'people.id as personId',
            'people.team_id as teamId',
            'people.deactivated_at',
          ])
          .where('devices.token_hash', '=', hashSecret(token))
          .executeTakeFirst()
      : undefined;
    if (!device) {
      await refuse(reply, 'this device token is not known here; enroll again');
      return;
    }
    if (device.revoked_at !== null) {
      await refuse(reply, 'this device was revoked; enroll again');
      return;
    }
    if (device.deactivated_at !== null) {
      await refuse(
        reply,
        'the person this device belongs to was deactivated by the organisation; shares made here are not taken. Ask your Advocate admin to reactivate you',
      );
      return;
    }
    await markSeen(db, device.deviceId, device.last_seen_at);
    request.caller = { deviceId: device.deviceId, personId: device.personId, teamId: device.teamId };
  };
}
