/**
 * Renders of missing pages in progress, by page key. When a story breaks and its page is
 * purged, every reader asking for it in the next few milliseconds would otherwise render
 * it again, each render slowing the others; instead the first reader renders and the rest
 * wait for that render and are answered from the cache (what Varnish calls request
 * coalescing and nginx `proxy_cache_lock`).
 */
export interface RenderFlight {
  readonly key: string;
  /** `performance.now()` when the leader claimed it. */
  readonly startedAt: number;
  /** Settles when the render has ended, whether or not it stored a page. */
  readonly landed: Promise<void>;
}

export type FlightClaim =
  | { readonly kind: 'leader'; readonly flight: RenderFlight }
  | { readonly kind: 'follower'; readonly flight: RenderFlight };

export interface RenderFlights {
  /**
   * Leads the render of `key` when none is in progress; otherwise follows the one that is.
   * A flight older than the given lifetime is taken to be lost (its leader never landed)
   * and is led anew, so one lost render cannot make every later reader wait.
   */
  claim(key: string): FlightClaim;
  /** The leader's render has ended (answered, failed or abandoned); twice is harmless. */
  land(flight: RenderFlight): void;
  /** Renders in progress, for tests and metrics. */
  readonly size: number;
}

export function createRenderFlights(lifetimeMs: number): RenderFlights {
  const inFlight = new Map<string, { flight: RenderFlight; resolve: () => void }>();
  return {
    claim(key) {
      const now = performance.now();
      const current = inFlight.get(key);
      if (current !== undefined && now - current.flight.startedAt < lifetimeMs) {
        return { kind: 'follower', flight: current.flight };
      }
      current?.resolve();
      let resolve = (): void => undefined;
      const landed = new Promise<void>((done) => {
        resolve = done;
      });
      const flight = { key, startedAt: now, landed };
      inFlight.set(key, { flight, resolve });
      return { kind: 'leader', flight };
    },
    land(flight) {
      const current = inFlight.get(flight.key);
      // A leader that already landed must not end the flight of the next leader.
      if (current?.flight !== flight) return;
      inFlight.delete(flight.key);
      current.resolve();
    },
    get size() {
      return inFlight.size;
    },
  };
}

/** Waits for a flight to land, but never longer than `ms`: a stuck render delays no one long. */
export function waitForLanding(flight: RenderFlight, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([flight.landed, timeout]).finally(() => clearTimeout(timer));
}
