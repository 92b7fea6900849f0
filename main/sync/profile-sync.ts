/**
 * A display name or team changed in Settings, told to the endpoint (PATCH /v1/me) while this desktop
 * holds a token. Without one, the names go with the next enrollment, which reads them from the settings.
 * The answer is what the person is told (common/messages.ts); the endpoint's own words go to the log.
 */
import type { ProfileOutcome } from '../../common/messages.ts';
import type { MeUpdate } from '../../common/protocol.ts';
import type { Logger } from '../core/ports.ts';
import type { DeviceAuth } from './device-auth.ts';
import { EndpointError, type EndpointClient } from './endpoint-client.ts';

export async function tellProfile(
  client: Pick<EndpointClient, 'updateMe'>,
  auth: Pick<DeviceAuth, 'kept' | 'refused'>,
  update: MeUpdate,
  log: Logger,
): Promise<ProfileOutcome> {
  const token = await auth.kept();
  if (token === null) return 'later';
  try {
    await client.updateMe(token, update);
    return 'told';
  } catch (error) {
    if (!(error instanceof EndpointError)) throw error;
    log.warn('the endpoint did not take the new display name or team', { reason: error.message });
    // The device was removed: the names go with the next enrollment, like on a desktop never enrolled.
    if (error.status === 401) {
      await auth.refused();
      return 'later';
    }
    if (error.status === 403) return 'team-fixed';
    if (error.status === 400) return 'refused';
    return 'unreachable';
  }
}
