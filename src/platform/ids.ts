import { randomBytes, randomUUID } from 'node:crypto';

/** A new random identifier for a row. */
export function newId(): string {
  return randomUUID();
}

/** A URL-safe secret of `bytes` random bytes, for tokens and session ids. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
