/**
 * A strict reader of the one kind of request the connection front answers itself: a
 * bodiless `GET` or `HEAD` in HTTP/1.1 with an origin-form target and plain headers.
 * Whatever it does not fully understand it leaves to node:http, byte for byte: it never
 * rejects a request, it only declines it. See ADR 0016.
 */

/** A request head the front may answer, with its length in bytes (the blank line included). */
export interface SimpleRequestHead {
  readonly method: 'GET' | 'HEAD';
  /** The target as sent: `/path?query`. */
  readonly url: string;
  /** Lower-case names; each name appears once. */
  readonly headers: Readonly<Record<string, string>>;
  readonly length: number;
}

/** `incomplete`: wait for more bytes; `decline`: node:http answers this and what follows. */
export type RequestHeadReading = SimpleRequestHead | 'incomplete' | 'decline';

/** Longer heads go to node:http, whose own limit then applies. */
export const maxSimpleHeadBytes = 8 * 1024;

/** Headers that give a request a body, change the connection or ask for a conditional answer. */
const declinedHeaders = new Set([
  'content-length',
  'transfer-encoding',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'if-none-match',
  'if-modified-since',
  'if-match',
  'if-unmodified-since',
  'if-range',
  'range',
]);

const requestLine = /^(GET|HEAD) (\/[\x21-\x7e]*) HTTP\/1\.1$/;
const headerName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// One character class, no alternatives: linear in the line's length whatever it holds.
const headerValue = /^[\x20-\x7e\t]*$/;

const isOws = (code: number): boolean => code === 0x20 || code === 0x09;

/** A header line's name and value (spaces and tabs around the value trimmed), or null. */
function readHeaderLine(line: string): [string, string] | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const name = line.slice(0, colon);
  let from = colon + 1;
  let to = line.length;
  while (from < to && isOws(line.charCodeAt(from))) from += 1;
  while (to > from && isOws(line.charCodeAt(to - 1))) to -= 1;
  const value = line.slice(from, to);
  if (!headerName.test(name) || !headerValue.test(value)) return null;
  return [name.toLowerCase(), value];
}

/** Reads the request head at `start` of `bytes`, if it is one the front may answer. */
export function readRequestHead(bytes: Buffer, start = 0): RequestHeadReading {
  const end = bytes.indexOf('\r\n\r\n', start, 'latin1');
  if (end === -1) return bytes.length - start > maxSimpleHeadBytes ? 'decline' : 'incomplete';
  if (end - start > maxSimpleHeadBytes) return 'decline';
  const lines = bytes.toString('latin1', start, end).split('\r\n');
  const first = requestLine.exec(lines[0] ?? '');
  if (first === null) return 'decline';
  const headers: Record<string, string> = {};
  for (let i = 1; i < lines.length; i += 1) {
    const header = readHeaderLine(lines[i] ?? '');
    if (header === null) return 'decline';
    const [name, value] = header;
    if (Object.hasOwn(headers, name) || declinedHeaders.has(name)) return 'decline';
    headers[name] = value;
  }
  // HTTP/1.1 requires Host; a connection the client means to close is node:http's to close.
  if (headers.host === undefined) return 'decline';
  const connection = headers.connection?.toLowerCase();
  if (connection !== undefined && connection !== 'keep-alive') return 'decline';
  return {
    method: first[1] === 'HEAD' ? 'HEAD' : 'GET',
    url: first[2] ?? '/',
    headers,
    length: end + 4 - start,
  };
}
