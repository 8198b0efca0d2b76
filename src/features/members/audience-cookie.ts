import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The audience cookie: which kind of reader a browser belongs to, signed so the page cache
 * can trust it without asking the database. It says only `member` or `paying`, for which
 * member, from when and until when; the member session cookie stays the real proof, checked
 * whenever a request reaches the application.
 */
export const audienceCookieName = 'masthead_audience';

export type CookieAudience = 'member' | 'paying';

export interface AudienceClaim {
  readonly audience: CookieAudience;
  readonly memberId: string;
  /** Milliseconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
}

const codes: Readonly<Record<CookieAudience, string>> = { member: 'm', paying: 'p' };

function signatureOf(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest().subarray(0, 16);
}

export function signAudience(key: Buffer, claim: AudienceClaim): string {
  const text = [
    codes[claim.audience],
    claim.memberId,
    claim.issuedAt.toString(36),
    claim.expiresAt.toString(36),
  ].join('.');
  return `${text}.${signatureOf(key, text).toString('base64url')}`;
}

/** The claim of a well-signed, unexpired cookie value, or null. */
export function verifyAudience(key: Buffer, value: string, nowMs: number): AudienceClaim | null {
  const parts = value.split('.');
  if (parts.length !== 5) return null;
  const [code, memberId, issued, expires, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const audience = code === 'm' ? 'member' : code === 'p' ? 'paying' : null;
  if (audience === null || memberId === '') return null;
  const expected = signatureOf(key, parts.slice(0, 4).join('.'));
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const issuedAt = parseInt(issued, 36);
  const expiresAt = parseInt(expires, 36);
  if (!Number.isFinite(issuedAt) || !Number.isFinite(expiresAt) || expiresAt <= nowMs) return null;
  return { audience, memberId, issuedAt, expiresAt };
}

/** The value of one cookie in a raw `Cookie` header, without parsing the others. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  const at = header.indexOf(`${name}=`);
  if (at < 0) return undefined;
  if (at > 0 && header[at - 1] !== ' ' && header[at - 1] !== ';') {
    // A longer name ending in this one: look again after it.
    const rest = header.slice(at + name.length + 1);
    return readCookie(rest, name);
  }
  const start = at + name.length + 1;
  const end = header.indexOf(';', start);
  return header.slice(start, end < 0 ? undefined : end).trim();
}
