/**
 * Builds the endpoint. Validation is strict on purpose: no coercion and no silent stripping, so an
 * unknown or mistyped field is a 400 that names it rather than data quietly lost.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from './database.ts';
import { eventsRoutes } from './routes/events.ts';
import { summaryRoutes } from './routes/summary.ts';

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface ServerOptions {
  readonly db: Db;
  readonly logger?: boolean;
}

function describe(error: FastifySchemaValidationError, dataVar: string): string {
  const where = `${dataVar}${error.instancePath.replace(/\//g, '.')}`;
  const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
  return typeof extra === 'string' ? `${where} has an unknown field "${extra}"` : `${where} ${error.message ?? 'is invalid'}`;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
    schemaErrorFormatter: (errors, dataVar) => new Error(errors.map((error) => describe(error, dataVar)).join('; ')),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.get('/healthz', () => ({ ok: true }));
  await app.register(eventsRoutes(options.db));
  await app.register(summaryRoutes(options.db));
  return app;
}
