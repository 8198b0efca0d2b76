import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../../features/staff/actor.js';

/**
 * A request over a new kept-alive connection, as a reader arriving from a link makes
 * one; the body as sent, not decoded.
 */
function fetchOver(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
) {
  const agent = new Agent({ keepAlive: true });
  return new Promise<{
    status: number;
    headers: IncomingHttpHeaders;
    body: Buffer;
    answeredBy: 'front' | 'node:http';
  }>((resolve, reject) => {
    const outgoing = httpRequest(`${origin}${path}`, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
          // node:http spells the framing headers it adds `Connection`; the front, in lower case.
          answeredBy: response.rawHeaders.includes('connection') ? 'front' : 'node:http',
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describeEachEngine('cached pages answered before node:http parses the request', (ctx) => {
  let t: TestApp;
  /** The same newsroom with the front turned off: node:http answers every request. */
  let off: TestApp;
  let origin: string;
  let offOrigin: string;
  let slug: string;
  let postId: string;

  const listen = async (app: TestApp) => {
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    off = await createTestApp(ctx.handle, { MASTHEAD_CONNECTION_FRONT: 'false' });
    origin = await listen(t);
    offOrigin = await listen(off);
    const author = await t.tokenFor('author');
    const post = await t.services.posts.createPost(systemActor, {
      title: 'Ferry timetable returns',
      authors: [author.slug],
      markdown: 'The morning crossing is back.',
      status: 'published',
    });
    ({ slug, id: postId } = post);
  });
  afterAll(async () => {
    await t.close();
    await off.close();
  });

  const fetchRaw = (method: string, path: string, headers: Record<string, string> = {}) =>
    fetchOver(origin, method, path, headers);

  /** Both servers' answers once each has the page (and its compressed copies) cached. */
  async function bothCached(method: string, path: string, headers: Record<string, string>) {
    for (const server of [origin, offOrigin]) {
      await expect
        .poll(async () => {
          const answer = await fetchOver(server, 'GET', path, { 'accept-encoding': 'br' });
          return `${String(answer.headers['x-cache'])} ${answer.headers['content-encoding'] ?? 'identity'}`;
        })
        .toBe('HIT br');
    }
    return {
      front: await fetchOver(origin, method, path, headers),
      node: await fetchOver(offOrigin, method, path, headers),
    };
  }

  it('sends the same status, headers and bytes as node:http, in every encoding and for HEAD', async () => {
    for (const [method, encoding] of [
      ['GET', ''],
      ['GET', 'gzip'],
      ['GET', 'gzip, deflate, br'],
      ['HEAD', 'gzip'],
    ] as const) {
      const headers: Record<string, string> =
        encoding === '' ? {} : { 'accept-encoding': encoding };
      const { front, node } = await bothCached(method, `/${slug}`, headers);
      expect(front.answeredBy).toBe('front');
      expect(node.answeredBy).toBe('node:http');
      expect(front.status).toBe(200);
      expect(front.headers['x-cache']).toBe('HIT');
      const { date, ...frontRest } = front.headers;
      const { date: nodeDate, ...nodeRest } = node.headers;
      expect(frontRest).toEqual(nodeRest);
      expect(date).toBe(new Date(Date.parse(nodeDate ?? '')).toUTCString());
      expect(front.body.equals(node.body)).toBe(true);
      if (method === 'HEAD') expect(front.body.length).toBe(0);
    }
  });

  it('leaves staff and conditional requests to the application', async () => {
    const path = `/${slug}`;
    await fetchRaw('GET', path);
    const editor = await t.tokenFor('editor');
    const staff = await fetchRaw('GET', path, { authorization: `Bearer ${editor.token}` });
    expect(staff.status).toBe(200);
    expect(staff.headers['x-cache']).toBeUndefined();
    expect(staff.answeredBy).toBe('node:http');
    const cached = await fetchRaw('GET', path);
    const revalidated = await fetchRaw('GET', path, {
      'if-none-match': String(cached.headers.etag),
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.answeredBy).toBe('node:http');
  });

  it('never answers with a page an edit has changed', async () => {
    const path = `/${slug}`;
    await fetchRaw('GET', path);
    expect((await fetchRaw('GET', path)).answeredBy).toBe('front');
    await t.services.posts.updatePost(systemActor, postId, {
      title: 'Ferry timetable changes again',
    });
    await t.services.posts.applyPendingChanges(systemActor, postId);
    const after = await fetchRaw('GET', path);
    expect(after.body.toString()).toContain('Ferry timetable changes again');
  });
});
