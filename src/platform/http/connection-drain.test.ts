import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lingerOnClose } from './connection-drain.js';

const request = 'GET / HTTP/1.1\r\nhost: example.test\r\n\r\n';
const answer = 'x'.repeat(200_000);

let server: http.Server | null = null;
afterEach(() => server?.close());

/** A server whose every answer says `Connection: close`, as while draining. */
async function startClosingServer(): Promise<number> {
  const started = http.createServer((incoming, response) => {
    response.shouldKeepAlive = false;
    lingerOnClose(incoming.socket);
    response.end(answer);
  });
  server = started;
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return (started.address() as net.AddressInfo).port;
}

/**
 * A client that writes more requests as soon as the answer starts arriving, without
 * reading its `Connection: close` first. Resolves with what it read and how it ended.
 */
function impatientClient(port: number): Promise<{ body: string; reset: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let body = '';
    let reset = false;
    socket.on('data', (chunk: Buffer) => {
      body += chunk.toString();
      if (!socket.writableEnded) socket.write(request.repeat(10));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') reset = true;
    });
    socket.on('close', () => resolve({ body, reset }));
    socket.write(request);
  });
}

describe('lingerOnClose', () => {
  it('ends a connection without a reset when the client wrote on past its answer', async () => {
    const port = await startClosingServer();
    for (let i = 0; i < 50; i += 1) {
      const { body, reset } = await impatientClient(port);
      expect(reset).toBe(false);
      expect(/\r\nconnection: close\r\n/i.test(body)).toBe(true);
      expect(body.endsWith(answer)).toBe(true);
      // Only the first request was answered: the rest were read and dropped.
      expect(body.split('HTTP/1.1 200').length).toBe(2);
    }
  });
});
