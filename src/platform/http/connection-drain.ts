import type { Server } from 'node:http';
import net from 'node:net';

const draining = new WeakSet<Server>();

/** True once the server is draining: each answer then ends its connection. */
export function isDraining(server: Server): boolean {
  return draining.has(server);
}

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
