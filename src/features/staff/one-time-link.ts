import { AppError } from '../../platform/errors.js';
import { newSecret } from '../../platform/ids.js';
import { toSecretHash } from './secret-hash.js';

/** A password reset link works for an hour; an invitation for a week. */
export const passwordResetLifetimeMs = 60 * 60 * 1000;
export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** A fresh link token: 32 random bytes for the e-mail, and the SHA-256 the database keeps. */
export function newLinkToken(): { readonly token: string; readonly tokenHash: string } {
  const token = newSecret(32);
  return { token, tokenHash: toSecretHash(token) };
}

export function unknownLink(what: string): AppError {
  return new AppError(
    'not_found',
    `This ${what} link is not valid. Check that you copied all of it, or ask for a new one.`,
  );
}

/**
 * Why a found link may not be followed now, or null when it may: used links answer
 * `token_used`, links past their time `token_expired`, so the CMS can say which.
 */
export function decideLinkProblem(
  link: { readonly usedAt: string | null; readonly expiresAt: string },
  now: Date,
  what: string,
): AppError | null {
  if (link.usedAt !== null) {
    return new AppError(
      'token_used',
      `This ${what} link has already been used. Ask for a new one.`,
    );
  }
  if (new Date(link.expiresAt).getTime() <= now.getTime()) {
    return new AppError('token_expired', `This ${what} link has expired. Ask for a new one.`);
  }
  return null;
}
