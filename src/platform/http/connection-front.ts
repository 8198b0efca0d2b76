import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { isDraining } from './connection-drain.js';
import { readRequestHead, type SimpleRequestHead } from './request-head.js';

/** The bytes of a whole response to a request, or null to leave the request to node:http. */
export type FrontAnswer = (head: SimpleRequestHead) => readonly Buffer[] | null;

/**
 * Puts a front before `server`'s HTTP parser: each new connection's requests are read by
 * `readRequestHead` and answered with `answer`'s bytes for as long as both can. The first
 * request either declines — or a head that did not arrive whole in one read — is handed,
 * with every byte after it, to node:http, which keeps the connection from then on (and
 * its timeouts for slow heads). Answers are written in the order requests came, so
 * pipelined requests stay in order across the hand-over, and a client that does not read its
 * answers is not read from until they drain. A server that drains hands each
 * connection over at its next request; closing ends the front's idle connections with
 * node:http's. See ADR 0016.
 */
export function installConnectionFront(server: Server, answer: FrontAnswer): void {
  const parse = server.listeners('connection');
  if (parse.length !== 1) throw new Error('The connection front expects node:http alone.');
  const httpConnection = parse[0] as (socket: Socket) => void;
  server.removeAllListeners('connection');
  /** The front's connections, and of them those waiting for their answers to drain. */
  const open = new Set<Socket>();
  const waiting = new Set<Socket>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    open.add(socket);
    let clientEnded = false;
    const onError = (): void => void socket.destroy();
    const onTimeout = (): void => void socket.destroy();
    // The client sent all it will: end once its answers are written, as node:http does.
    const onEnd = (): void => {
      clientEnded = true;
      if (!waiting.has(socket)) socket.end();
    };
    socket.once('close', () => {
      open.delete(socket);
      waiting.delete(socket);
    });
    socket.on('error', onError);
    socket.on('end', onEnd);
    socket.setNoDelay(true);
    socket.setTimeout(server.keepAliveTimeout, onTimeout);

    function handOver(rest: Buffer): void {
      open.delete(socket);
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('end', onEnd);
      socket.removeListener('timeout', onTimeout);
      socket.setTimeout(0);
      httpConnection.call(server, socket);
      // node:http reads on from the socket; the bytes already read come first.
      if (rest.length > 0) socket.emit('data', rest);
    }

    /** The bytes of an answer, or null to hand over; a failing lookup hands over too. */
    function answerOf(head: SimpleRequestHead): readonly Buffer[] | null {
      if (isDraining(server)) return null;
      try {
        return answer(head);
      } catch {
        return null;
      }
    }

    function onData(bytes: Buffer): void {
      waiting.delete(socket);
      let start = 0;
      let corked = false;
      while (start < bytes.length) {
        // A client that asks faster than it reads waits for its answers to go out first, as
        // node:http makes it: pipelined requests never pile answers up in memory.
        if (socket.writableNeedDrain) {
          if (corked) socket.uncork();
          const rest = bytes.subarray(start);
          waiting.add(socket);
          socket.pause();
          socket.once('drain', () => {
            socket.resume();
            onData(rest);
          });
          return;
        }
        const head = readRequestHead(bytes, start);
        const written = typeof head === 'string' ? null : answerOf(head);
        if (written === null || typeof head === 'string') {
          if (corked) socket.uncork();
          handOver(bytes.subarray(start));
          return;
        }
        if (!corked) socket.cork();
        corked = true;
        for (const part of written) socket.write(part);
        start += head.length;
      }
      if (corked) socket.uncork();
      if (clientEnded || closing) socket.end();
    }
    socket.on('data', onData);
  });

  // A graceful stop closes idle connections: the front's are idle between reads, unless
  // answers wait to drain (those end once written).
  const closeIdle = server.closeIdleConnections.bind(server);
  server.closeIdleConnections = () => {
    closing = true;
    for (const socket of open) if (!waiting.has(socket)) socket.end();
    closeIdle();
  };
}
