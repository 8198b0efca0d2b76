import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

export const defaultSessionCookieName = 'masthead_session';

export interface SessionCookieSettings {
  readonly name: string;
  /** True behind HTTPS; then browsers never send the cookie over plain HTTP. */
  readonly secure: boolean;
}

/**
 * HttpOnly keeps it from scripts; SameSite=Lax keeps it off cross-site POSTs; Path=/ lets
 * the public site show "Edit post" to signed-in staff.
 */
export function setSessionCookie(
  reply: FastifyReply,
  settings: SessionCookieSettings,
  value: string,
  expiresAt: Date,
): void {
  reply.setCookie(settings.name, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: settings.secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: SessionCookieSettings): void {
  reply.clearCookie(settings.name, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: settings.secure,
  });
}
