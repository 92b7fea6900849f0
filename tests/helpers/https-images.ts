/**
 * Post pictures over https on 127.0.0.1, with a throwaway self-signed certificate: the window's CSP
 * loads images from https: only, so thumbnails are exercised for real (the browser context ignores
 * the certificate's issuer). Needs the openssl command (tests/helpers/https-server.ts).
 */
import { startHttpsServer } from './https-server.ts';

/** Flat two-colour pictures, one per post, so screenshots tell posts apart. */
const PALETTES = [
  ['#1d4ed8', '#93c5fd'],
  ['#047857', '#6ee7b7'],
  ['#b45309', '#fcd34d'],
  ['#7c3aed', '#c4b5fd'],
] as const;

function picture(index: number): string {
  const [dark, light] = PALETTES[index % PALETTES.length] ?? PALETTES[0];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><rect width="120" height="120" fill="${light}"/>` +
    `<circle cx="${String(30 + index * 17)}" cy="46" r="30" fill="${dark}" opacity="0.85"/><rect x="0" y="86" width="120" height="34" fill="${dark}"/></svg>`
  );
}

export interface ImageServer {
  /** The address of picture n. */
  readonly imageUrl: (index: number) => string;
  readonly close: () => Promise<void>;
}

export async function startImageServer(dir: string): Promise<ImageServer> {
  const server = await startHttpsServer(dir, (request, response) => {
    const index = Number(/^\/img\/(\d+)\.svg$/.exec(request.url ?? '')?.[1] ?? Number.NaN);
    if (Number.isNaN(index)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' }).end(picture(index));
  });
  return { imageUrl: (index) => `${server.url}img/${String(index)}.svg`, close: server.close };
}
