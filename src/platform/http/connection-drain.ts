import type { Server } from 'node:http';
import net, { type Socket } from 'node:net';

const draining = new WeakSet<Server>();

/** True once the server is draining: each answer then ends its connection. */
export function isDraining(server: Server): boolean {
  return draining.has(server);
}

/** How long a connection ended by the server keeps reading what the client still sends. */
const lingerMs = 2_000;

/**
 * Ends `socket` after the answer being written, with a lingering close (RFC 9112 §9.6): the
 * server half-closes and goes on reading — and dropping — whatever the client still sends,
 * until the client closes its side or `lingerMs` passes. Closing outright with a request
 * unread in the socket would reset the connection, and the client could lose the answer it
 * was sent; a client that writes its next request before it reads `Connection: close` (some
 * load generators and pipelining proxies) otherwise sees ECONNRESET. Call it on each request
 * whose answer says `Connection: close`.
 */
export function lingerOnClose(socket: Socket): void {
  if (lingering.has(socket)) return;
  lingering.add(socket);
  // node:http ends a connection after its last answer with destroySoon.
  socket.destroySoon = () => {
    // The HTTP parser reads no further request; input from now on is read and dropped.
    socket.removeAllListeners('data');
    socket.on('data', () => undefined);
    socket.end();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(timer));
  };
}

const lingering = new WeakSet<Socket>();

/**
 * The first half of a graceful stop. The server stops accepting connections (node:cluster
 * sends new ones to the other processes), and every answer from now on says
 * `Connection: close`, so a client's next request opens a connection elsewhere instead of
 * racing the server closing its kept-alive one. `endStreams` ends the long-lived responses
 * (live streams). Resolves when every connection has ended, or after `graceMs`; then close
 * the server as usual, which answers what is still in flight and closes idle connections.
 */
export async function drainConnections(
  server: Server,
  endStreams: () => Promise<void>,
  graceMs: number,
): Promise<void> {
  if (!server.listening) return;
  draining.add(server);
  const ended = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, graceMs);
    timer.unref();
    // net's close, not http's: that one would also drop idle kept-alive connections at once.
    net.Server.prototype.close.call(server, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await endStreams();
  await ended;
}
