/**
 * The browser preview as the e2e tests start it: the built renderer and bridge, a quiet log, files in a temp folder.
 */
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../main/core/ports.ts';
import { startPreview, type Preview, type PreviewOptions } from '../../main/preview/preview-server.ts';

export const fromRoot = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function startTestPreview(
  dataDir: string,
  options: Pick<PreviewOptions, 'feedUrls'> & Partial<PreviewOptions>,
): Promise<Preview> {
  return startPreview({
    host: '127.0.0.1',
    port: 0,
    rendererDir: fromRoot('out/renderer'),
    bridgeFile: fromRoot('out/preview/bridge.js'),
    dataDir,
    endpointUrl: null,
    log: quietLog,
    ...options,
  });
}
