import { Type } from 'typebox';
import type { FeedLiveHub, LiveSink } from '../../features/live/feed-live-hub.js';
import { parseLastEventId } from '../../features/live/sse-frame.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { newsFeedPaths } from './news-feed-paths.js';

const LiveQuery = Type.Object({
  lastEventId: Type.Optional(Type.String({ maxLength: 20 })),
});

/** How long a refused reader waits before trying again, in milliseconds. */
const fullRetryMs = 30_000;

/**
 * `/news-feed/live`: the news feed as Server-Sent Events. The response is written straight
 * to the socket (hijacked), so nothing compresses, buffers or caches it.
 */
export function newsFeedLiveRoutes(deps: { readonly hub: FeedLiveHub }) {
  const { hub } = deps;
  return async (app: AppInstance): Promise<void> => {
    // Open streams never end by themselves; end them so the server can close.
    app.addHook('preClose', async () => {
      await hub.stop();
    });

    app.get(
      newsFeedPaths.live(),
      { schema: { hide: true, querystring: LiveQuery } },
      async (request, reply) => {
        const header = request.headers['last-event-id'];
        const lastEventId = parseLastEventId(
          typeof header === 'string' ? header : undefined,
          request.query.lastEventId,
        );
        reply.hijack();
        const res = reply.raw;
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
        const sink: LiveSink = {
          write: (text) => void res.write(text),
          bufferedBytes: () => res.writableLength,
          destroy: () => res.destroy(),
          end: () => res.end(),
        };
        const connection = hub.connect(sink, lastEventId);
        if (connection === null) {
          res.end(`retry: ${fullRetryMs}\n: this server is full; try again shortly\n\n`);
          return;
        }
        res.write('retry: 3000\n\n');
        res.on('close', () => connection.close());
      },
    );
  };
}
