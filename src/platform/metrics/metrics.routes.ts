import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { AppError } from '../errors.js';
import type { Metrics } from './metrics.js';

export interface MetricsRoutesDeps {
  readonly metrics: Metrics;
  /** Bearer token that opens `/metrics`; null opens it to loopback requests only. */
  readonly token: string | null;
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A request straight from this machine: its peer is loopback and no proxy forwarded it
 * (a reverse proxy on the same machine would make every reader look local).
 */
function isDirectLoopback(request: FastifyRequest): boolean {
  const headers = request.headers;
  return (
    loopback.has(request.raw.socket.remoteAddress ?? '') &&
    headers['x-forwarded-for'] === undefined &&
    headers.forwarded === undefined
  );
}

function hasToken(request: FastifyRequest, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Counts every answered request by route pattern and status, and serves `/metrics` in
 * Prometheus text format.
 */
export function metricsRoutes(deps: MetricsRoutesDeps): FastifyPluginAsync {
  const { metrics, token } = deps;
  return fastifyPlugin(async (app) => {
    app.addHook('onResponse', async (request, reply) => {
      // Unmatched URLs share one label, so scanners cannot grow the series without bound.
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });

    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const allowed = token === null ? isDirectLoopback(request) : hasToken(request, token);
      if (!allowed) {
        throw new AppError(
          token === null ? 'forbidden' : 'unauthenticated',
          token === null
            ? 'Metrics are served to this machine only. Set MASTHEAD_METRICS_TOKEN to read them from elsewhere.'
            : 'Send the metrics token as "Authorization: Bearer <token>".',
        );
      }
      return reply
        .header('cache-control', 'no-store')
        .type(metrics.registry.contentType)
        .send(await metrics.registry.metrics());
    });
  });
}
