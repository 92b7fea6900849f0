/** Keeps the preview's open server-sent-event streams and broadcasts named events to all of them. */
import type { ServerResponse } from 'node:http';

const frame = (event: string, payload: unknown): string => `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;

export class SseHub {
  readonly #clients = new Set<ServerResponse>();
  /** Frames that must reach someone (notices) but came while no page was open. */
  #backlog: string[] = [];

  attach(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    this.#clients.add(response);
    for (const kept of this.#backlog) response.write(kept);
    this.#backlog = [];
    response.on('close', () => this.#clients.delete(response));
  }

  /** Sends to every open page; with none open, the event is dropped (the page asks for state on load). */
  broadcast(event: string, payload: unknown): void {
    for (const client of this.#clients) client.write(frame(event, payload));
  }

  /** Sends to every open page; with none open, keeps it for the next page that connects. */
  deliver(event: string, payload: unknown): void {
    if (this.#clients.size === 0) this.#backlog.push(frame(event, payload));
    else this.broadcast(event, payload);
  }

  closeAll(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
