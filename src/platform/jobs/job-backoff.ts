const firstRetryMs = 30_000;
const longestRetryMs = 60 * 60_000;
/** Jitter adds up to this share of the delay, so jobs that failed together spread out. */
const jitterShare = 0.1;

/**
 * How long to wait before the next attempt after attempt number `attempt` (1-based)
 * failed: 30 s, 1 min, 2 min, 4 min … at most 1 h, plus a little jitter.
 * `random` returns a number in [0, 1); tests pass `() => 0` for exact delays.
 */
export function decideRetryDelayMs(attempt: number, random: () => number): number {
  const base = Math.min(firstRetryMs * 2 ** Math.max(0, attempt - 1), longestRetryMs);
  return base + Math.floor(random() * base * jitterShare);
}
