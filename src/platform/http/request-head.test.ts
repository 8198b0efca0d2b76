import { describe, expect, it } from 'vitest';
import { maxSimpleHeadBytes, readRequestHead } from './request-head.js';

const read = (text: string, start = 0) => readRequestHead(Buffer.from(text, 'latin1'), start);

describe('readRequestHead', () => {
  it('reads a browser GET with its headers, lower-cased, and its length', () => {
    const head =
      'GET /news/trams-return/?page=2 HTTP/1.1\r\nHost: news.test\r\nAccept-Encoding: gzip, br\r\nUser-Agent:  Mozilla/5.0  \r\n\r\n';
    expect(read(`${head}GET /next HTTP/1.1\r\n`)).toEqual({
      method: 'GET',
      url: '/news/trams-return/?page=2',
      headers: { host: 'news.test', 'accept-encoding': 'gzip, br', 'user-agent': 'Mozilla/5.0' },
      length: head.length,
    });
  });

  it('reads the request that starts at an offset, as pipelined requests come', () => {
    const first = 'HEAD / HTTP/1.1\r\nHost: a\r\n\r\n';
    const second = 'GET /b HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n';
    expect(read(first + second, first.length)).toMatchObject({
      method: 'GET',
      url: '/b',
      length: second.length,
    });
  });

  it('waits for the rest of a head, and gives up on one longer than the limit', () => {
    expect(read('GET / HTTP/1.1\r\nHost: a\r\n')).toBe('incomplete');
    expect(read(`GET / HTTP/1.1\r\nCookie: ${'x'.repeat(maxSimpleHeadBytes)}`)).toBe('decline');
    expect(
      read(`GET / HTTP/1.1\r\nHost: a\r\nCookie: ${'x'.repeat(maxSimpleHeadBytes)}\r\n\r\n`),
    ).toBe('decline');
  });

  it.each([
    ['a method with a body', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n'],
    ['a method in lower case', 'get / HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['HTTP/1.0', 'GET / HTTP/1.0\r\nHost: a\r\n\r\n'],
    ['an absolute-form target', 'GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['an asterisk target', 'OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['a target with a space', 'GET /a b HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['no Host', 'GET / HTTP/1.1\r\nAccept: */*\r\n\r\n'],
    ['two Hosts', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
    ['a GET with Content-Length', 'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello'],
    [
      'a GET with Transfer-Encoding',
      'GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n',
    ],
    ['a conditional GET', 'GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: "x"\r\n\r\n'],
    ['a range', 'GET / HTTP/1.1\r\nHost: a\r\nRange: bytes=0-1\r\n\r\n'],
    [
      'an upgrade',
      'GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
    ],
    ['Connection: close', 'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'],
    ['a folded header', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n'],
    ['a space before the colon', 'GET / HTTP/1.1\r\nHost : a\r\n\r\n'],
    ['a bare LF in a value', 'GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n'],
    ['a byte outside ASCII', 'GET / HTTP/1.1\r\nHost: a\r\nCookie: caf\u00e9\r\n\r\n'],
    ['a NUL', 'GET /\u0000 HTTP/1.1\r\nHost: a\r\n\r\n'],
  ])('leaves %s to node:http', (_name, text) => {
    expect(read(text)).toBe('decline');
  });
});

describe('readRequestHead on a hostile head', () => {
  it('takes time in proportion to the head, whatever its spaces and bytes', () => {
    const spaces = ' '.repeat(maxSimpleHeadBytes - 64);
    for (const tail of ['\u00e9', 'x', '']) {
      const started = process.cpuUsage();
      expect(read(`GET / HTTP/1.1\r\nHost: a\r\nX:${spaces}${tail}\r\n\r\n`)).toEqual(
        tail === '\u00e9' ? 'decline' : expect.objectContaining({ method: 'GET' }),
      );
      const used = process.cpuUsage(started);
      // CPU time, not wall time: generous for a busy machine; backtracking took minutes.
      expect((used.user + used.system) / 1000).toBeLessThan(200);
    }
  });
});
