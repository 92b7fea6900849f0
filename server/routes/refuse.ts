/** A request refused for a reason in words: the body every error of the endpoint has. */
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';

export const refuse = (reply: FastifyReply, status: number, message: string): FastifyReply =>
  reply.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });
