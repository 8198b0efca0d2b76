import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * SHA-256 of a session cookie or API token, hex-encoded. Only this is stored, so a copy of
 * the database lets nobody in; the secrets are 32 random bytes, so no salt or stretching is
 * needed.
 */
export function toSecretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two secrets without leaking, through timing, how much of them matched. */
export function isSameSecret(a: string, b: string): boolean {
  const left = Buffer.from(toSecretHash(a), 'hex');
  const right = Buffer.from(toSecretHash(b), 'hex');
  return timingSafeEqual(left, right);
}
