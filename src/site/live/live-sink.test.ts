import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveSink } from '../../features/live/feed-live-hub.js';
import { toLiveSink } from './live-sink.js';

describe('a live connection’s response as a sink', () => {
  const servers: http.Server[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  /** A server whose one response becomes a sink, and a client that reads only when told. */
  async function connect(): Promise<{ sink: LiveSink; response: http.IncomingMessage }> {
    let sink: LiveSink | undefined;
    const server = http.createServer((_request, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      sink = toLiveSink(res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await new Promise<http.IncomingMessage>((resolve) =>
      http.get({ port, host: '127.0.0.1' }, resolve),
    );
    response.pause();
    await vi.waitFor(() => expect(sink).toBeDefined());
    if (sink === undefined) throw new Error('no sink');
    return { sink, response };
  }

  it('is drained at once while the socket takes bytes', async () => {
    const { sink, response } = await connect();
    sink.write(': hello\n\n');
    await sink.drained();
    response.destroy();
  });

  it('waits until a reader who stopped reading reads again', async () => {
    const { sink, response } = await connect();
    const chunk = `data: ${'x'.repeat(64 * 1024)}\n\n`;
    // Far more than the kernel's socket buffers hold while nobody reads.
    for (let n = 0; n < 256; n += 1) sink.write(chunk);
    let drained = false;
    const waiting = sink.drained().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    expect(sink.bufferedBytes()).toBeGreaterThan(0);
    response.resume();
    await waiting;
    expect(drained).toBe(true);
    response.destroy();
  });

  it('stops waiting when the connection closes', async () => {
    const { sink, response } = await connect();
    for (let n = 0; n < 256; n += 1) sink.write(`data: ${'y'.repeat(64 * 1024)}\n\n`);
    const waiting = sink.drained();
    response.destroy();
    await waiting;
  });
});
