/** One hostile request, as raw bytes, and whether it is cut short on purpose. */
export interface HostileRequest {
  readonly name: string;
  readonly bytes: string | Buffer;
  readonly halfClose?: boolean;
}

export interface HostileContext {
  /** An editor's API token, so multipart and JSON bodies reach the upload and post parsers. */
  readonly token: string;
  /** A file that exists under /content/files/. */
  readonly filePath: string;
}

const crlf = '\r\n';

function request(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body: string | Buffer = '',
): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: news.test', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body.length > 0 && headers['Transfer-Encoding'] === undefined) {
    lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  }
  return Buffer.concat([Buffer.from(lines.join(crlf) + crlf + crlf, 'latin1'), Buffer.from(body)]);
}

const get = (target: string, headers: Record<string, string> = {}): HostileRequest => ({
  name: `GET ${target.slice(0, 80)} ${JSON.stringify(headers).slice(0, 80)}`,
  bytes: request('GET', target, headers),
});

function post(
  target: string,
  type: string | null,
  body: string | Buffer,
  headers: Record<string, string> = {},
): HostileRequest {
  const all = type === null ? headers : { 'Content-Type': type, ...headers };
  return {
    name: `POST ${target} ${type ?? '(no type)'} ${String(body).slice(0, 60)}`,
    bytes: request('POST', target, all, body),
  };
}

function raw(name: string, bytes: string | Buffer, halfClose = false): HostileRequest {
  return {
    name,
    bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes,
    halfClose,
  };
}

function oddPaths(): HostileRequest[] {
  const paths = [
    '/%',
    '/%zz',
    '/%C0%AF',
    '/%C0%80',
    '/%ED%A0%80',
    '/%FF%FE',
    '/%E2%82',
    '/%25',
    '/%2525',
    '/..%2f..%2fetc%2fpasswd',
    '/../../etc/passwd',
    '/./././',
    '//',
    '///admin',
    '//search',
    '/api/%61dmin/staff',
    '/api/admin/../admin/staff',
    '/%2e%2e/',
    '/%2e%2e%2f%2e%2e%2f',
    '/tag/',
    '/tag//x',
    '/tag/%2F',
    '/author/',
    '/author/%5c',
    '/news-feed/%',
    '/news-feed/%2e%2e',
    '/assets/../package.json',
    '/assets/%2e%2e%2fpackage.json',
    '/assets/islands/%00.js',
    '/content/files/',
    '/content/files/..%5c..%5cetc%5cpasswd',
    '/content/files/%2e%2e/%2e%2e/',
    '/content/files/a/b/c/d/e/f/g/h/i/j/k',
    '/content/files/.hidden',
    '/content/files/x.tmp',
    '/?a[b][c]=1',
    '/?__proto__[polluted]=1',
    '/?constructor[prototype][x]=1',
    '/search?q[]=1&q[]=2',
    `/search?q=${'a'.repeat(5000)}`,
    '/search?q=%',
    '/search?page=-1',
    '/tag/x?page=-1',
    '/tag/x?page=1e999',
    '/tag/x?page=NaN',
    '/tag/x?page=1&page=2',
    '/news-feed?before=%FF',
    '/news-feed?before=garbage',
    '/news-feed?after=&before=',
    `/news-feed?before=${'z'.repeat(300)}`,
    '/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F',
    '/%F0%9F%92%A5',
    `/${'a'.repeat(101)}`,
    `/${'a'.repeat(3000)}`,
    `/${'a/'.repeat(2000)}`,
    `/tag/${'%41'.repeat(500)}`,
    '/api/content/posts?limit=-5',
    '/api/content/posts?limit=99999',
    '/api/content/posts?page=0',
    '/api/content/posts/slug/%25',
    '/api/content/posts/%2e%2e',
    '/api/openapi.json?x=%00',
    '/sitemap.xml?bust=1',
    '/robots.txt/',
    '/rss/?x=1',
    '/admin/%2e%2e/',
    '/admin/../api/admin/staff',
    '/api/admin/staff?limit=%FF',
    '/healthz/..',
    '/metrics',
  ];
  return paths.map((path) => get(path));
}

function nulAndInvalidUtf8(ctx: HostileContext): HostileRequest[] {
  const auth = { Authorization: `Bearer ${ctx.token}` };
  return [
    get('/a%00b'),
    get('/tag/a%00b'),
    get('/author/%00'),
    get('/news-feed/%00'),
    get('/?tag=a%00b'),
    get('/search?q=%00'),
    get('/search?q=a%00b&page=%00'),
    get('/api/content/posts?tag=a%00b'),
    get('/api/content/posts/slug/a%00b'),
    get('/content/files/a%00.jpg'),
    raw(
      'raw NUL byte in the path',
      `GET /a\0b HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n`,
    ),
    raw(
      'raw 0xFF in the path',
      Buffer.concat([
        Buffer.from('GET /'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n'),
      ]),
    ),
    raw(
      'raw invalid UTF-8 in the path',
      Buffer.concat([
        Buffer.from('GET /tag/'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(' HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n'),
      ]),
    ),
    raw(
      'raw invalid UTF-8 in the query',
      Buffer.concat([
        Buffer.from('GET /search?q='),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from(' HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n'),
      ]),
    ),
    post('/api/admin/session', 'application/json', '{"email":"a\\u0000@news.test","password":"x"}'),
    post(
      '/api/admin/session',
      'application/json',
      Buffer.concat([
        Buffer.from('{"email":"'),
        Buffer.from([0xff, 0xc3, 0x28]),
        Buffer.from('@news.test","password":"x"}'),
      ]),
    ),
    post(
      '/api/admin/session',
      'application/x-www-form-urlencoded',
      'email=a%00%40news.test&password=x',
    ),
    post('/api/admin/session', 'application/x-www-form-urlencoded', 'email=%FF%FE&password=%C0%80'),
    post(
      '/api/admin/posts',
      'application/json',
      '{"title":"Storm\\u0000warning","markdown":"x"}',
      auth,
    ),
    post('/api/admin/posts', 'application/json', '{"title":"ok","markdown":"\\u0000"}', auth),
    post('/api/admin/posts', 'application/json', '{"title\\u0000":"ok"}', auth),
    post(
      '/api/admin/posts',
      'application/json',
      '{"title":"\\ud800 lone surrogate","markdown":"x"}',
      auth,
    ),
    post('/api/admin/tags', 'application/json', '{"name":"a\\u0000"}', auth),
    post('/api/admin/password-resets', 'application/json', '{"email":"x\\u0000@news.test"}'),
    post(
      '/api/admin/staff',
      'application/json',
      '{"email":"a\\u0000@news.test","name":"A","role":"editor","password":"aaaaaaaaaaaaaaaa"}',
      auth,
    ),
  ];
}

function hugeAndNestedBodies(ctx: HostileContext): HostileRequest[] {
  const auth = { Authorization: `Bearer ${ctx.token}` };
  const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
  const deepObject = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
  const manyKeys = `{${Array.from({ length: 20_000 }, (_, n) => `"k${n}":${n}`).join(',')}}`;
  return [
    post('/api/admin/session', 'application/json', deepArray),
    post('/api/admin/session', 'application/json', deepObject),
    post('/api/admin/posts', 'application/json', deepObject, auth),
    post('/api/admin/posts', 'application/json', `{"title":"x","body":${deepArray}}`, auth),
    post('/api/admin/posts', 'application/json', manyKeys, auth),
    post(
      '/api/admin/session',
      'application/json',
      `{"email":"${'a'.repeat(900_000)}","password":"x"}`,
    ),
    post(
      '/api/admin/session',
      'application/json',
      `{"email":"a","password":"${'p'.repeat(900_000)}"}`,
    ),
    post('/api/admin/posts', 'application/json', `{"title":"${'t'.repeat(2_000_000)}"}`, auth),
    post('/api/admin/session', 'application/x-www-form-urlencoded', 'a=1&'.repeat(200_000)),
    post('/api/admin/session', 'application/x-www-form-urlencoded', `email[${'['.repeat(5000)}]=x`),
    post('/api/admin/posts', 'application/json', '[1,2,3]', auth),
    post('/api/admin/posts', 'application/json', '"just a string"', auth),
    post('/api/admin/posts', 'application/json', 'null', auth),
    post('/api/admin/posts', 'application/json', '{"__proto__":{"admin":true},"title":"x"}', auth),
    post('/api/admin/posts', 'application/json', '{"constructor":{"prototype":{"x":1}}}', auth),
    post('/api/admin/posts', 'application/json', '{"title":', auth),
    post('/api/admin/posts', 'application/json', '{"title":1e99999}', auth),
    raw(
      'a body longer than its Content-Length says',
      request(
        'POST',
        '/api/admin/session',
        { 'Content-Type': 'application/json', 'Content-Length': '5' },
        '{"email":"a","password":"b"}',
      ),
    ),
    raw(
      'a body cut short of its Content-Length',
      Buffer.concat([
        request('POST', '/api/admin/session', {
          'Content-Type': 'application/json',
          'Content-Length': '5000',
        }),
        Buffer.from('{"email":'),
      ]),
      true,
    ),
    raw(
      'a chunked body that never ends',
      request(
        'POST',
        '/api/admin/session',
        { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        '5\r\n{"ema\r\n',
      ),
      true,
    ),
    raw(
      'a chunked body with a bad chunk size',
      request(
        'POST',
        '/api/admin/session',
        { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        'zz\r\nhello\r\n0\r\n\r\n',
      ),
    ),
  ];
}

function wrongContentTypes(ctx: HostileContext): HostileRequest[] {
  const auth = { Authorization: `Bearer ${ctx.token}` };
  const login = '{"email":"a@news.test","password":"x"}';
  return [
    post('/api/admin/session', 'text/plain', login),
    post('/api/admin/session', 'application/xml', '<email>a</email>'),
    post('/api/admin/session', 'multipart/form-data; boundary=x', login),
    post('/api/admin/session', 'application/json; charset=utf-16', login),
    post('/api/admin/session', 'application/x-www-form-urlencoded', login),
    post('/api/admin/session', null, login),
    post('/api/admin/session', '*/*', login),
    post('/api/admin/session', 'application/json; ' + 'a=b; '.repeat(2000), login),
    post('/api/admin/session', 'application/json', ''),
    post('/api/admin/session', 'application/json', ' '),
    post('/api/admin/posts', 'text/html', '<h1>x</h1>', auth),
    post('/api/admin/posts', 'application/octet-stream', Buffer.from([0, 1, 2, 3]), auth),
    post('/api/admin/media', 'application/json', '{"file":"x"}', auth),
    post('/api/admin/media', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), auth),
    post('/api/admin/media', 'application/x-www-form-urlencoded', 'file=x', auth),
    post('/', 'application/json', '{}'),
    post('/search', 'application/json', '{}'),
    post('/content/files/x.jpg', 'application/json', '{}'),
    {
      name: 'PUT /healthz',
      bytes: request('PUT', '/healthz', { 'Content-Type': 'application/json' }, '{}'),
    },
    { name: 'DELETE /', bytes: request('DELETE', '/') },
    {
      name: 'PATCH /api/admin/posts/x with form',
      bytes: request(
        'PATCH',
        '/api/admin/posts/x',
        { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
        'title=%00',
      ),
    },
    { name: 'OPTIONS *', bytes: request('OPTIONS', '*') },
    { name: 'TRACE /', bytes: request('TRACE', '/') },
    { name: 'PROPFIND /', bytes: request('PROPFIND', '/') },
  ];
}

function badRanges(ctx: HostileContext): HostileRequest[] {
  const ranges = [
    'bytes=99999999-',
    'bytes=-0',
    'bytes=5-1',
    'bytes=abc',
    'items=0-1',
    'bytes=--1',
    'bytes=1-2-3',
    'bytes=-99999999999999999999',
    `bytes=${Array.from({ length: 500 }, (_, n) => `${n}-${n}`).join(',')}`,
    'bytes=0-0,-1',
    'bytes=',
    'bytes=%00',
  ];
  return [
    ...ranges.map((range) => get(ctx.filePath, { Range: range })),
    get(ctx.filePath, { Range: 'bytes=0-1', 'If-Range': 'garbage' }),
    get('/', { Range: 'bytes=99999999-' }),
    get('/rss', { Range: 'bytes=5-1' }),
  ];
}

function badMultipart(ctx: HostileContext): HostileRequest[] {
  const auth = { Authorization: `Bearer ${ctx.token}` };
  const part = (boundary: string, headers: string, body: string) =>
    `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
  const file =
    'Content-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png';
  const bodies: [string, string][] = [
    ['multipart/form-data; boundary=x', part('x', file, 'abc')],
    ['multipart/form-data; boundary=x', `${part('x', file, 'not an image')}--x--\r\n`],
    ['multipart/form-data', 'no boundary'],
    ['multipart/form-data; boundary=', '--\r\n\r\n'],
    [
      'multipart/form-data; boundary=x',
      '--y\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--y--',
    ],
    [
      'multipart/form-data; boundary=x',
      `--x\r\n${'X-Long: ' + 'h'.repeat(100_000)}\r\n\r\nabc\r\n--x--`,
    ],
    [
      'multipart/form-data; boundary=x',
      Array.from({ length: 100 }, () =>
        part('x', 'Content-Disposition: form-data; name="alt"', 'a'),
      ).join('') + '--x--\r\n',
    ],
    [
      'multipart/form-data; boundary=x',
      `${part('x', 'Content-Disposition: form-data; name="file"; filename="a\0.png"', 'abc')}--x--\r\n`,
    ],
    [
      'multipart/form-data; boundary=x',
      `${part('x', 'Content-Disposition: form-data; name="alt"', 'a\0b')}--x--\r\n`,
    ],
    [
      'multipart/form-data; boundary=x',
      `${part('x', 'Content-Disposition: form-data', 'nameless')}--x--\r\n`,
    ],
    [
      'multipart/form-data; boundary=x',
      `${part('x', 'Content-Disposition: form-data; name="__proto__"', 'x')}--x--\r\n`,
    ],
    [
      'multipart/form-data; boundary=x',
      `${part('x', 'Content-Type: multipart/mixed; boundary=y', '--y\r\n\r\nnested\r\n--y--')}--x--\r\n`,
    ],
    [`multipart/form-data; boundary=${'b'.repeat(300)}`, `--${'b'.repeat(300)}\r\n\r\nx\r\n`],
    ['multipart/form-data; boundary=x', '--x--\r\n'],
    ['multipart/form-data; boundary=x', ''],
    ['multipart/form-data; boundary=x', '\r\n\r\n\r\n'],
    ['multipart/form-data; boundary="unterminated', '--x\r\n'],
    [
      'multipart/form-data; boundary=x',
      `${part('x', 'Content-Disposition: form-data; name="file"; filename="../../etc/passwd"', 'abc')}--x--\r\n`,
    ],
  ];
  return [
    ...bodies.map(([type, body]) => post('/api/admin/media', type, body, auth)),
    post('/api/admin/media', 'multipart/form-data; boundary=x', part('x', file, 'abc')),
  ];
}

function badCookies(): HostileRequest[] {
  const cookies = [
    'masthead_session=%00',
    `masthead_session=${'a'.repeat(4000)}`,
    'masthead_session=%ZZ',
    'masthead_session=a; masthead_session=b',
    'masthead_session=сессия',
    'masthead_session="unterminated',
    Array.from({ length: 200 }, (_, n) => `c${n}=${n}`).join('; '),
    '=; ;=;',
    'masthead_session',
    'masthead_session=%E0%A4%A',
    '__proto__=x; constructor=y',
  ];
  return [
    ...cookies.map((cookie) => get('/', { Cookie: cookie })),
    ...cookies.slice(0, 6).map((cookie) => get('/api/admin/session', { Cookie: cookie })),
    ...cookies.slice(0, 4).map((cookie) =>
      post('/api/admin/posts', 'application/json', '{"title":"x"}', {
        Cookie: cookie,
        'X-CSRF-Token': '%00',
      }),
    ),
  ];
}

function badHeaders(): HostileRequest[] {
  return [
    get('/api/admin/posts', { Authorization: `Bearer ${'x'.repeat(5000)}` }),
    get('/api/admin/posts', { Authorization: 'Bearer %00' }),
    get('/api/admin/posts', { Authorization: 'Basic YWRtaW46YWRtaW4=' }),
    get('/api/admin/posts', { Authorization: 'Bearer a b' }),
    get('/api/admin/posts', { Authorization: 'Bearer' }),
    get('/', { Authorization: 'Bearer nope' }),
    get('/', { 'X-Huge': 'h'.repeat(20_000) }),
    get('/', { 'Accept-Encoding': 'br;q=abc, gzip;q=-1, *;q=2' }),
    get('/', { 'Accept-Encoding': 'x'.repeat(4000) }),
    get('/', { Accept: '*/*;q=abc' }),
    get('/', { 'If-None-Match': '*' }),
    get('/', { 'If-Modified-Since': 'yesterday' }),
    get('/', { 'X-Forwarded-For': 'garbage, , ::::, 999.1.1.1' }),
    get('/', { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'gopher' }),
    get('/', { Origin: 'null', 'Sec-Fetch-Site': 'weird' }),
    get('/', { Expect: '100-continue' }),
    get('/', { 'Content-Length': 'abc' }),
    get('/', { 'Content-Length': '-1' }),
    get('/api/content/posts', { Accept: 'application/xml' }),
    post('/api/admin/session', 'application/json', '{"email":"a@news.test","password":"x"}', {
      Origin: 'https://evil.example',
    }),
    raw(
      'Content-Length and Transfer-Encoding together',
      'POST /api/admin/session HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ),
    raw(
      'two Content-Length headers',
      'POST /api/admin/session HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
    ),
    raw('no Host header', 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n'),
    raw('HTTP/1.0 request', 'GET / HTTP/1.0\r\n\r\n'),
    raw('HTTP/2 preface on HTTP/1', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
    raw('garbage request line', 'GARBAGE\r\n\r\n'),
    raw('lower-case method', 'get / HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n'),
    raw(
      'very long method',
      `${'A'.repeat(5000)} / HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n`,
    ),
    raw(
      'header without a colon',
      'GET / HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\nNoColonHere\r\n\r\n',
    ),
    raw(
      'header name with a space',
      'GET / HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\nBad Name: x\r\n\r\n',
    ),
    raw('bare LF line endings', 'GET / HTTP/1.1\nHost: news.test\nConnection: close\n\n'),
    raw(
      'absolute-form target to the Admin API',
      'POST http://news.test/api/admin/staff HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
    ),
    raw(
      'absolute-form target to another host',
      'GET http://evil.example/ HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n',
    ),
    raw('headers cut short', 'GET / HTTP/1.1\r\nHost: news.te', true),
  ];
}

/** Every hostile request of the sweep, in a fixed order. */
export function hostileRequests(ctx: HostileContext): HostileRequest[] {
  return [
    ...oddPaths(),
    ...nulAndInvalidUtf8(ctx),
    ...hugeAndNestedBodies(ctx),
    ...wrongContentTypes(ctx),
    ...badRanges(ctx),
    ...badMultipart(ctx),
    ...badCookies(),
    ...badHeaders(),
  ];
}
