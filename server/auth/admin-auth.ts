/** The admin token as a bearer token, for the share-kit API (the dashboard uses a session instead). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAdminToken } from '../admin/organisation.ts';
import type { Db } from '../database.ts';
import { bearerToken } from './device-auth.ts';

export function requireAdmin(db: Db) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request);
    if (token !== null && (await isAdminToken(db, token))) return;
    await reply.code(401).header('www-authenticate', 'Bearer realm="advocate-admin"').send({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'this needs the admin token: "Authorization: Bearer <admin token>"',
    });
  };
}
