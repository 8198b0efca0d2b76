/** A rate with its 95 % confidence interval. */
export interface RateInterval {
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

const z95 = 1.959964;

/**
 * The Wilson score interval of `successes` in `trials`: unlike the normal approximation it
 * stays within [0, 1] and behaves for the small counts of a fresh test.
 */
export function wilsonInterval(successes: number, trials: number, z = z95): RateInterval {
  if (trials <= 0) return { rate: 0, low: 0, high: 0 };
  const p = Math.min(1, successes / trials);
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { rate: p, low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}
