import http from 'node:http';

export interface PinnedResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

/**
 * Requests over one kept-alive connection, so every request reaches the same process of
 * several sharing a port (node:cluster hands each connection to one of them).
 */
export interface PinnedConnection {
  request(
    method: string,
    path: string,
    options?: { body?: object; token?: string },
  ): Promise<PinnedResponse>;
  close(): void;
}

export function openPinnedConnection(baseUrl: string): PinnedConnection {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    request: (method, path, options = {}) =>
      new Promise((resolve, reject) => {
        const body = options.body === undefined ? undefined : JSON.stringify(options.body);
        const request = http.request(`${baseUrl}${path}`, {
          method,
          agent,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
          },
        });
        request.on('error', reject);
        request.on('response', (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
          );
        });
        request.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/**
 * Two connections to different processes behind one port: a page cached through the first
 * is a miss through a connection to any other process (each has its own page cache).
 */
export async function openConnectionsToTwoProcesses(
  baseUrl: string,
  page: string,
): Promise<[PinnedConnection, PinnedConnection]> {
  const first = openPinnedConnection(baseUrl);
  await first.request('GET', page);
  const again = await first.request('GET', page);
  if (again.headers['x-cache'] !== 'HIT') throw new Error(`${page} is not cached.`);
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const candidate = openPinnedConnection(baseUrl);
    const response = await candidate.request('GET', page);
    if (response.headers['x-cache'] === 'MISS') return [first, candidate];
    candidate.close();
  }
  first.close();
  throw new Error('Every connection reached the same process.');
}
