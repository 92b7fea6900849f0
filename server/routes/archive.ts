/** POST /v1/archive: the final texts of a device's shares, for the compliance archive (policy ArchiveToEndpoint). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ArchiveBatchSchema, ArchiveResultSchema, type ArchiveResult } from '../../common/protocol.ts';
import { storeArchiveEntries } from '../compliance/archive-store.ts';
import type { ServerContext } from '../context.ts';
import { deviceScope } from './device-scope.ts';

export function archiveRoutes(context: ServerContext): FastifyPluginAsyncTypebox {
  return (app) => {
    app.post(
      '/v1/archive',
      { ...deviceScope(app, context), schema: { body: ArchiveBatchSchema, response: { 200: ArchiveResultSchema } } },
      async (request): Promise<ArchiveResult> => {
        const caller = request.caller;
        if (!caller) throw new Error('device scope without a caller');
        const result = await storeArchiveEntries(context.db, caller.personId, request.body.entries, context.now());
        // Counts only: the texts never go to the log.
        request.log.info({ deviceId: caller.deviceId, ...result }, 'archive entries stored');
        return result;
      },
    );
    return Promise.resolve();
  };
}
