/** Sending dashboard pages, and the page that says why something was refused. */
import type { FastifyReply } from 'fastify';
import { html } from './html.ts';
import { page } from './layout.ts';

export function sendPage(reply: FastifyReply, status: number, markup: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(markup);
}

export function refusePage(reply: FastifyReply, status: number, title: string, message: string): FastifyReply {
  return sendPage(
    reply,
    status,
    page({ title, error: message }, html`<p><a href="/dashboard/">Back to the dashboard</a></p>`),
  );
}
