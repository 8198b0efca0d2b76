import http from 'node:http';

/** What a steady load saw: answers by status, and failures by error code. */
export interface SteadyLoadTally {
  readonly answered: number;
  readonly statuses: readonly number[];
  /** Connections refused: the server had stopped listening, so the request never got in. */
  readonly refused: number;
  /** Errors other than a refused connection: requests that got in and were lost. */
  readonly failed: readonly string[];
}

export interface SteadyLoad {
  /** Answers with status 200 so far. */
  answered(): number;
  /** Stops sending and resolves once the requests in flight have ended. */
  stop(): Promise<SteadyLoadTally>;
}

/**
 * Requests `url` over `connections` kept-alive connections, each sending its next request as
 * soon as the last answer ends, the way a browser or a reverse proxy does: a connection
 * whose answer says `Connection: close` is not used again (node:http's agent honours it),
 * unlike load generators that keep writing on it.
 */
export function startSteadyLoad(url: string, connections: number): SteadyLoad {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses: number[] = [];
  const failed: string[] = [];
  let answered = 0;
  let refused = 0;
  let stopping = false;

  const once = () =>
    new Promise<void>((resolve) => {
      const request = http.get(url, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 200) answered += 1;
          else statuses.push(response.statusCode ?? 0);
          resolve();
        });
        response.on('error', (error: NodeJS.ErrnoException) => {
          failed.push(error.code ?? error.message);
          resolve();
        });
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') refused += 1;
        else failed.push(error.code ?? error.message);
        resolve();
      });
    });

  const loop = async () => {
    while (!stopping) await once();
  };
  const loops = Array.from({ length: connections }, loop);

  return {
    answered: () => answered,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      agent.destroy();
      return { answered, statuses, refused, failed };
    },
  };
}
