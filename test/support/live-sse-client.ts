import http from 'node:http';

/** One Server-Sent Event as a client sees it. */
export interface SseEvent {
  readonly id: string;
  readonly event: string;
  readonly data: string;
}

/** A minimal EventSource over node:http, for tests and the bench: it never reconnects. */
export interface SseClient {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** Every event so far, in order. */
  readonly events: readonly SseEvent[];
  /** How many comment lines (heartbeats) arrived. */
  comments(): number;
  /** The next event not yet taken by `next`, waiting up to `timeoutMs` for it. */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream or drops the connection. */
  closed(): Promise<void>;
  close(): void;
}

export interface SseClientOptions {
  readonly headers?: Record<string, string>;
  /** Called for every event as it arrives (the bench times arrivals here). */
  readonly onEvent?: (event: SseEvent) => void;
  readonly agent?: http.Agent;
}

/** Splits the stream into frames at blank lines and reads each frame's fields. */
function parseFrame(frame: string): SseEvent | 'comment' | null {
  let id = '';
  let event = 'message';
  const data: string[] = [];
  let sawField = false;
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else continue;
    sawField = true;
  }
  if (!sawField) return frame.startsWith(':') ? 'comment' : null;
  if (data.length === 0) return null;
  return { id, event, data: data.join('\n') };
}

export function openSseClient(url: string, options: SseClientOptions = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, {
      headers: { accept: 'text/event-stream', ...options.headers },
      ...(options.agent === undefined ? {} : { agent: options.agent }),
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const events: SseEvent[] = [];
      let taken = 0;
      let comments = 0;
      let buffer = '';
      let waiter: (() => void) | undefined;
      let ended = false;
      const endWaiters: (() => void)[] = [];
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk.replace(/\r\n?/g, '\n');
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const parsed = parseFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (parsed === 'comment') comments += 1;
          else if (parsed !== null) {
            events.push(parsed);
            options.onEvent?.(parsed);
          }
          end = buffer.indexOf('\n\n');
        }
        waiter?.();
      });
      const finish = (): void => {
        ended = true;
        waiter?.();
        endWaiters.splice(0).forEach((done) => done());
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        comments: () => comments,
        async next(timeoutMs = 5_000) {
          const wait = { timedOut: false };
          const deadline = setTimeout(() => {
            wait.timedOut = true;
            waiter?.();
          }, timeoutMs);
          try {
            for (;;) {
              const event = events[taken];
              if (event !== undefined) {
                taken += 1;
                return event;
              }
              if (ended) throw new Error(`The stream ended after ${events.length} events.`);
              if (wait.timedOut) {
                throw new Error(`No event arrived within ${timeoutMs} ms (had ${events.length}).`);
              }
              await new Promise<void>((wake) => (waiter = wake));
              waiter = undefined;
            }
          } finally {
            clearTimeout(deadline);
          }
        },
        closed: () =>
          ended ? Promise.resolve() : new Promise<void>((done) => endWaiters.push(done)),
        close: () => {
          request.destroy();
          response.destroy();
        },
      });
    });
  });
}
