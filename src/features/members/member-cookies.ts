import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { audienceCookieName } from './audience-cookie.js';
import { memberCookieName } from './reader-audience.js';

const base = (secure: boolean) => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure });

export function setMemberCookie(
  reply: FastifyReply,
  secure: boolean,
  value: string,
  expiresAt: Date,
): void {
  reply.setCookie(memberCookieName, value, { ...base(secure), expires: expiresAt });
}

export function setAudienceCookie(
  reply: FastifyReply,
  secure: boolean,
  value: string,
  expiresAt: Date,
): void {
  reply.setCookie(audienceCookieName, value, { ...base(secure), expires: expiresAt });
}

export function clearAudienceCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(audienceCookieName, base(secure));
}

export function clearMemberCookies(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(memberCookieName, base(secure));
  clearAudienceCookie(reply, secure);
}
