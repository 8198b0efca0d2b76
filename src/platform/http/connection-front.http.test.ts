import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainConnections, isDraining } from './connection-drain.js';
import { installConnectionFront } from './connection-front.js';

const frontAnswer = (body: string) =>
  Buffer.from(`HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\nx-by: front\r\n\r\n${body}`);

/** node:http answers everything the front leaves, echoing what it parsed. */
function startServer(onAnswer: (path: string) => void = () => undefined): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = `${request.method} ${request.url} ${Buffer.concat(chunks).toString()}`.trim();
      // As the application does: a draining server's answers close their connections.
      if (isDraining(server)) response.shouldKeepAlive = false;
      response.writeHead(200, { 'x-by': 'node', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  // No idle timeout: a connection ends only when something ends it.
  server.keepAliveTimeout = 0;
  installConnectionFront(server, (head) => {
    if (head.url === '/front/throws') throw new Error('The cache lookup failed.');
    if (!head.url.startsWith('/front')) return null;
    onAnswer(head.url);
    return [
      frontAnswer(
        head.url.startsWith('/front/big') ? 'x'.repeat(8_000) : `${head.method} ${head.url}`,
      ),
    ];
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Answer {
  readonly by: string | undefined;
  readonly connection: string | undefined;
  readonly body: string;
}

/** Reads `count` responses (each with Content-Length) from a socket. */
function readAnswers(socket: Socket, count: number): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    let bytes = '';
    const answers: Answer[] = [];
    const onData = (chunk: Buffer) => {
      bytes += chunk.toString('latin1');
      for (;;) {
        const end = bytes.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = bytes.slice(0, end).toLowerCase();
        const length = Number(/content-length: (\d+)/.exec(head)?.[1] ?? 0);
        if (bytes.length < end + 4 + length) return;
        answers.push({
          by: /x-by: (\S+)/.exec(head)?.[1],
          connection: /\r\nconnection: (\S+)/.exec(head)?.[1],
          body: bytes.slice(end + 4, end + 4 + length),
        });
        bytes = bytes.slice(end + 4 + length);
        if (answers.length === count) {
          socket.off('data', onData);
          resolve(answers);
          return;
        }
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: a\r\n\r\n`;

describe('connection front', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];

  async function open(onAnswer?: (path: string) => void): Promise<{
    server: Server;
    socket: Socket;
    received: Promise<void>;
    accepted: Promise<Socket>;
  }> {
    const server = await startServer(onAnswer);
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    servers.push(server);
    // Heard after the front's own listener: resolves once the server has read from the client.
    const received = new Promise<void>((resolve) =>
      server.once('connection', (serverSide: Socket) => serverSide.once('data', () => resolve())),
    );
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
    return { server, socket, received, accepted };
  }

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.destroy());
    await Promise.all(
      servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
    );
  });

  it('answers the requests it can on one kept-alive connection', async () => {
    const { socket } = await open();
    socket.write(get('/front/a'));
    expect(await readAnswers(socket, 1)).toEqual([
      { by: 'front', connection: undefined, body: 'GET /front/a' },
    ]);
    socket.write(get('/front/b'));
    expect(await readAnswers(socket, 1)).toEqual([
      { by: 'front', connection: undefined, body: 'GET /front/b' },
    ]);
  });

  it('hands the first request it cannot answer, and everything after, to node:http in order', async () => {
    const { socket } = await open();
    const post = 'POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello';
    socket.write(get('/front/1') + post + get('/front/2'));
    const answers = await readAnswers(socket, 3);
    expect(answers.map(({ by, body }) => [by, body])).toEqual([
      ['front', 'GET /front/1'],
      ['node', 'POST /form hello'],
      // node:http keeps the connection once it has it.
      ['node', 'GET /front/2'],
    ]);
  });

  it('reads no further while a client that pipelines does not read its answers', async () => {
    let mostBuffered = 0;
    // Answers come only after the requests below are written, by when `serverSide` is set.
    const { socket, accepted } = await open(() => {
      mostBuffered = Math.max(mostBuffered, serverSide.writableLength);
    });
    const serverSide = await accepted;
    // Answers of 8 KB each: without backpressure these 2,000 would pile up 16 MB at once.
    const count = 2_000;
    socket.pause();
    socket.write(Array.from({ length: count }, (_, n) => get(`/front/big/${n}`)).join(''));
    socket.resume();
    const answers = await readAnswers(socket, count);
    // Every request is answered, in order; a head split between two reads goes to node:http.
    answers.forEach((answer, n) =>
      expect(answer.body).toBe(answer.by === 'front' ? 'x'.repeat(8_000) : `GET /front/big/${n}`),
    );
    expect(answers[0]?.by).toBe('front');
    expect(mostBuffered).toBeLessThan(256 * 1024);
  });

  it('leaves a head that arrives in pieces to node:http, which waits for the rest', async () => {
    const { socket, received } = await open();
    const text = get('/front/slow');
    socket.write(text.slice(0, 10));
    await received;
    socket.write(text.slice(10));
    expect((await readAnswers(socket, 1))[0]).toMatchObject({
      by: 'node',
      body: 'GET /front/slow',
    });
  });

  it('leaves a request with a body and no length to node:http, which refuses it', async () => {
    const { socket } = await open();
    socket.write(
      'GET /front HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc',
    );
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const reply = await new Promise<string>((resolve) =>
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))),
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    await closed;
  });

  it('answers a client that sent its last request and closed its side, then closes', async () => {
    const { socket } = await open();
    const ended = new Promise((resolve) => socket.once('end', resolve));
    socket.end(get('/front/last'));
    expect(await readAnswers(socket, 1)).toEqual([
      { by: 'front', connection: undefined, body: 'GET /front/last' },
    ]);
    await ended;
  });

  it('leaves a request whose lookup fails to node:http instead of failing it', async () => {
    const { socket } = await open();
    socket.write(get('/front/throws'));
    expect(await readAnswers(socket, 1)).toEqual([
      { by: 'node', connection: 'keep-alive', body: 'GET /front/throws' },
    ]);
  });

  it('ends its idle connections when the server closes, so closing does not wait on them', async () => {
    const { server, socket } = await open();
    socket.write(get('/front/a'));
    await readAnswers(socket, 1);
    const ended = new Promise((resolve) => socket.once('end', resolve));
    await new Promise((resolve) => server.close(resolve));
    await ended;
  });

  it('hands each connection to node:http while draining, whose answer says Connection: close', async () => {
    const { server, socket } = await open();
    socket.write(get('/front/a'));
    await readAnswers(socket, 1);
    const drained = drainConnections(server, () => Promise.resolve(), 30_000);
    socket.write(get('/front/b'));
    expect(await readAnswers(socket, 1)).toEqual([
      { by: 'node', connection: 'close', body: 'GET /front/b' },
    ]);
    await drained;
  });
});
