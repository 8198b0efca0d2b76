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
  /** Settles when the render has ended: true when it stored a page to answer from. */
  readonly landed: Promise<boolean>;
}

export type FlightClaim =
  | { readonly kind: 'leader'; readonly flight: RenderFlight }
  | { readonly kind: 'follower'; readonly flight: RenderFlight };

export interface RenderFlights {
  /**
   * Leads the render of `key` when none is in progress; otherwise follows the one that is.
   * A flight older than the lifetime given at creation is taken to be lost (its leader
   * never landed) and is led anew, so one lost render cannot make later readers wait.
   */
  claim(key: string): FlightClaim;
  /** The leader's render has ended, with a page stored or not; only its first landing counts. */
  land(flight: RenderFlight, stored: boolean): void;
  /** Renders in progress. */
  readonly size: number;
}

/** A promise and the function that settles it (`Promise.withResolvers`, which Node 20 lacks). */
function settlable(): { promise: Promise<boolean>; resolve: (stored: boolean) => void } {
  let resolve: (stored: boolean) => void = () => undefined;
  const promise = new Promise<boolean>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

export function createRenderFlights(lifetimeMs: number): RenderFlights {
  const inFlight = new Map<string, { flight: RenderFlight; resolve: (stored: boolean) => void }>();
  return {
    claim(key) {
      const now = performance.now();
      const current = inFlight.get(key);
      if (current !== undefined && now - current.flight.startedAt < lifetimeMs) {
        return { kind: 'follower', flight: current.flight };
      }
      current?.resolve(false);
      const { promise: landed, resolve } = settlable();
      const flight = { key, startedAt: now, landed };
      inFlight.set(key, { flight, resolve });
      return { kind: 'leader', flight };
    },
    land(flight, stored) {
      const current = inFlight.get(flight.key);
      // A leader that already landed must not end the flight of the next leader.
      if (current?.flight !== flight) return;
      inFlight.delete(flight.key);
      current.resolve(stored);
    },
    get size() {
      return inFlight.size;
    },
  };
}

/**
 * Waits for a flight to land, but never longer than `ms`: true when it stored a page,
 * false when it did not or took too long (the follower then renders the page itself).
 */
export function waitForLanding(flight: RenderFlight, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  return Promise.race([flight.landed, timeout]).finally(() => clearTimeout(timer));
}
