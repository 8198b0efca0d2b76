import { Type } from 'typebox';
import type { FeedLiveHub, LiveSink } from '../../features/live/feed-live-hub.js';
import type { LiveConnectionLimits } from '../../features/live/live-connection-limits.js';
import { parseLastEventId } from '../../features/live/sse-frame.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { newsFeedPaths } from './news-feed-paths.js';
import { toLiveSink } from './live-sink.js';

const LiveQuery = Type.Object({
  lastEventId: Type.Optional(Type.String({ maxLength: 20 })),
});

/** How long a refused reader waits before trying again, in seconds. */
export const liveRetryAfterSeconds = 30;

const refusals = {
  client: {
    status: 429,
    text: 'This address has too many live connections open. Close a tab or try again shortly.',
  },
  total: {
    status: 503,
    text: 'Live updates are full right now; the page itself is up to date. Try again shortly.',
  },
} as const;

/**
 * `/news-feed/live`: the news feed as Server-Sent Events. The response is written straight
 * to the socket (hijacked), so nothing compresses, buffers or caches it.
 *
 * Every stream holds a file until it closes, so streams are counted per client address
 * (`request.ip`, which follows the trusted-proxy setting) and in all. A refusal is a short
 * plain-text answer with `Retry-After`, made without touching the database: a client
 * opening thousands of streams must cost little more than the refusals.
 */
export function newsFeedLiveRoutes(deps: {
  readonly hub: FeedLiveHub;
  readonly limits: LiveConnectionLimits;
}) {
  const { hub, limits } = deps;
  return async (app: AppInstance): Promise<void> => {
    // Open streams never end by themselves; end them so the server can close.
    app.addHook('preClose', async () => {
      await hub.stop();
    });

    app.get(
      newsFeedPaths.live(),
      { schema: { hide: true, querystring: LiveQuery } },
      async (request, reply) => {
        const admission = limits.admit(request.ip);
        if (!admission.admitted) {
          const refusal = refusals[admission.refusedBecause];
          return reply
            .code(refusal.status)
            .header('retry-after', String(liveRetryAfterSeconds))
            .header('cache-control', 'no-store')
            .type('text/plain; charset=utf-8')
            .send(refusal.text);
        }
        const header = request.headers['last-event-id'];
        const lastEventId = parseLastEventId(
          typeof header === 'string' ? header : undefined,
          request.query.lastEventId,
        );
        reply.hijack();
        const res = reply.raw;
        res.on('close', admission.release);
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
          connection: 'keep-alive',
        });
        if (request.method === 'HEAD') {
          res.end();
          return;
        }
        res.socket?.setNoDelay(true);
        res.socket?.setTimeout(0);
        const sink: LiveSink = toLiveSink(res);
        const connection = hub.connect(sink, lastEventId);
        if (connection === null) {
          res.end(
            `retry: ${liveRetryAfterSeconds * 1000}\n: this server is full; try again shortly\n\n`,
          );
          return;
        }
        res.write('retry: 3000\n\n');
        res.on('close', () => connection.close());
      },
    );
  };
}
