import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/database.js';
import { listPendingMigrations } from '../../db/migrate.js';

export interface HealthRoutesDeps {
  readonly db: Db;
  /** How long the database may take to answer before the process counts as not ready. */
  readonly timeoutMs?: number;
}

class ReadinessTimeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadinessTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * For load balancers and orchestrators: `/healthz` says the process is alive (restart it
 * when this fails); `/readyz` says it can serve (send it traffic only while this passes):
 * the database answers and has every migration this build knows.
 */
export function healthRoutes(deps: HealthRoutesDeps): FastifyPluginAsync {
  const timeoutMs = deps.timeoutMs ?? 2_000;
  return async (app) => {
    app.get('/healthz', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ status: 'ok' }),
    );

    app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      let pending: string[];
      try {
        pending = await within(
          (async () => {
            await sql`select 1`.execute(deps.db);
            return listPendingMigrations(deps.db);
          })(),
          timeoutMs,
        );
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check: database unreachable');
        return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
      }
      if (pending.length > 0) {
        return reply
          .status(503)
          .send({ status: 'unavailable', database: 'ok', pending_migrations: pending });
      }
      return reply.send({ status: 'ok', database: 'ok' });
    });
  };
}
