/** The only source of "now" in Masthead, injected so schedules and stamps are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and simulations. */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(milliseconds: number): void;
}

export function createManualClock(start: Date | string = '2026-01-01T09:00:00.000Z'): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (milliseconds) => {
      current = new Date(current.getTime() + milliseconds);
    },
  };
}

/** Timestamps are stored as ISO 8601 UTC text on both databases, so they sort as text. */
export function toTimestamp(date: Date): string {
  return date.toISOString();
}
