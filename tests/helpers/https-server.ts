/**
 * A real https server on 127.0.0.1 with a throwaway self-signed certificate (made by the openssl command),
 * for peers that must be reached over https: post pictures under the window's CSP, a Mastodon server.
 * `certificate` is what a client must trust to accept it (the Electron fake's certificate store takes it).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalHttpsServer {
  /** https://127.0.0.1:<port>/ */
  readonly url: string;
  /** The server's certificate, PEM. */
  readonly certificate: string;
  readonly close: () => Promise<void>;
}

/** A throwaway self-signed certificate for 127.0.0.1 in `dir`: the paths of its key and certificate (PEM). */
export async function selfSignedCertificate(dir: string): Promise<{ key: string; cert: string }> {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  return { key, cert };
}

export async function startHttpsServer(dir: string, listener: RequestListener): Promise<LocalHttpsServer> {
  const { key, cert } = await selfSignedCertificate(dir);
  const certificate = await readFile(cert, 'utf8');
  const server = createServer({ key: await readFile(key), cert: certificate }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${String(port)}/`,
    certificate,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
