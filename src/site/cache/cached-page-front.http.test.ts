import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../../features/staff/actor.js';

/** Headers that belong to one response, not to the page. */
const perResponse = new Set(['date', 'connection', 'keep-alive']);
const pageHeaders = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !perResponse.has(name)));

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
  let origin: string;
  let slug: string;
  let postId: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const author = await t.tokenFor('author');
    const post = await t.services.posts.createPost(systemActor, {
      title: 'Ferry timetable returns',
      authors: [author.slug],
      markdown: 'The morning crossing is back.',
      status: 'published',
    });
    ({ slug, id: postId } = post);
  });
  afterAll(() => t.close());

  const fetchRaw = (method: string, path: string, headers: Record<string, string> = {}) =>
    fetchOver(origin, method, path, headers);

  it('sends the same status, headers and bytes as node:http would, in every encoding', async () => {
    const path = `/${slug}`;
    expect((await fetchRaw('GET', path)).headers['x-cache']).toBe('MISS');
    // The compressed copies are made just after the page is stored.
    await expect
      .poll(
        async () =>
          (await fetchRaw('GET', path, { 'accept-encoding': 'br' })).headers['content-encoding'],
      )
      .toBe('br');
    for (const encoding of ['', 'gzip', 'gzip, deflate, br']) {
      const headers: Record<string, string> =
        encoding === '' ? {} : { 'accept-encoding': encoding };
      const front = await fetchRaw('GET', path, headers);
      const node = await t.app.inject({ method: 'GET', url: path, headers });
      expect(front.status).toBe(200);
      expect(front.headers['x-cache']).toBe('HIT');
      expect(front.answeredBy).toBe('front');
      expect(front.headers.date).toBe(new Date(Date.parse(front.headers.date ?? '')).toUTCString());
      expect(pageHeaders(front.headers)).toEqual(pageHeaders(node.headers as IncomingHttpHeaders));
      expect(front.body.equals(node.rawPayload)).toBe(true);
    }
    const head = await fetchRaw('HEAD', path);
    expect(head.headers['content-length']).toBe(String((await fetchRaw('GET', path)).body.length));
    expect(head.body.length).toBe(0);
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

describeEachEngine('cached pages with the connection front turned off', (ctx) => {
  let t: TestApp;
  let origin: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle, { MASTHEAD_CONNECTION_FRONT: 'false' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('are answered from the cache by node:http', async () => {
    await fetchOver(origin, 'GET', '/');
    const cached = await fetchOver(origin, 'GET', '/');
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.answeredBy).toBe('node:http');
  });
});
