/**
 * Shutting down promptly. When close() stops the server, Node ends the keep-alive connections that are
 * idle at that moment; one whose request is still being answered stays open after its answer until
 * its idle timeout (72 s), holding close() (and a replica's SIGTERM shutdown, whose clicks are
 * written last) that long. So an answer finished once the server has stopped listening says
 * `Connection: close` and ends its connection.
 */
import type { FastifyInstance } from 'fastify';

export function closeConnectionsWhenClosing(app: FastifyInstance): void {
  let listened = false;
  app.addHook('onListen', (done) => {
    listened = true;
    done();
  });
  const closing = (): boolean => listened && !app.server.listening;
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing()) void reply.header('connection', 'close');
    done(null, payload);
  });
  // An answer that was on its way when the server stopped: its connection ends once it is written.
  app.addHook('onResponse', (_request, reply, done) => {
    if (closing()) reply.raw.socket?.destroySoon();
    done();
  });
}
