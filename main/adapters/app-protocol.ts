/** Registers app:// (see main/web/app-protocol.ts for why the window is not loaded from file://). */
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolResponse } from '../web/app-protocol.ts';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request));
}
