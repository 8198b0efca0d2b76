import type { ServerResponse } from 'node:http';
import type { LiveSink } from '../../features/live/feed-live-hub.js';

/** A live connection's response as the hub sees it. */
export function toLiveSink(res: ServerResponse): LiveSink {
  return {
    write: (text) => void res.write(text),
    bufferedBytes: () => res.writableLength,
    drained: () => {
      // `drain` comes only after a write was refused; until then the socket takes more.
      if (!res.writableNeedDrain || res.destroyed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    },
    destroy: () => res.destroy(),
    end: () => res.end(),
  };
}
