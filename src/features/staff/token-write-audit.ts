import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenService } from './api-token.service.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * An `onResponse` hook that writes an audit entry (`token.used`, with the token's id) for
 * every write a bearer token attempted, allowed or refused. Services audit what changed in
 * the change's own transaction; this trail also shows what a token tried and was refused,
 * so a leaked token's use can be traced. It runs after the answer is sent, and a failure
 * to record is logged, never reported to the client.
 */
export function auditTokenWrites(tokens: Pick<ApiTokenService, 'recordTokenWrite'>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const actor = request.actor;
    if (actor?.kind !== 'token' || !writeMethods.has(request.method)) return;
    try {
      await tokens.recordTokenWrite(actor, {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
      });
    } catch (error) {
      request.log.warn({ err: error, tokenActor: actor.id }, 'token write not audited');
    }
  };
}
