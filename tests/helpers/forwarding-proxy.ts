/**
 * A reverse proxy in front of a test endpoint, doing what nginx's `proxy_add_x_forwarded_for` does:
 * it keeps the X-Forwarded-For the client wrote and appends the address the client connected from,
 * and says the client came over https. It talks to the endpoint from an address of its own,
 * PROXY_ADDRESS (any 127.x address is this machine), so a trusted proxy is told apart from its clients.
 */
import { request as forward } from 'node:http';
import { startLocalServer, type LocalServer } from './http-server.ts';

export const PROXY_ADDRESS = '127.0.0.3';

export function startForwardingProxy(target: string): Promise<LocalServer> {
  return startLocalServer((incoming, answer) => {
    const written = incoming.headers['x-forwarded-for'];
    const chain = [...(written === undefined ? [] : [written].flat()), incoming.socket.remoteAddress ?? ''];
    const upstream = forward(
      new URL(incoming.url ?? '/', target),
      {
        method: incoming.method,
        localAddress: PROXY_ADDRESS,
        headers: { ...incoming.headers, 'x-forwarded-for': chain.join(', '), 'x-forwarded-proto': 'https' },
      },
      (response) => {
        answer.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(answer);
      },
    );
    upstream.on('error', () => answer.destroy());
    incoming.pipe(upstream);
  });
}
