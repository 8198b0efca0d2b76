import { describe, expect, it } from 'vitest';
import { decideRetryDelayMs } from './job-backoff.js';

const noJitter = (): number => 0;

describe('decideRetryDelayMs', () => {
  it('waits 30 seconds after the first failure and doubles after each further one', () => {
    expect([1, 2, 3, 4].map((attempt) => decideRetryDelayMs(attempt, noJitter))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it('never waits longer than an hour before the jitter', () => {
    expect(decideRetryDelayMs(8, noJitter)).toBe(3_600_000);
    expect(decideRetryDelayMs(40, noJitter)).toBe(3_600_000);
  });

  it('adds at most a tenth of the delay as jitter', () => {
    expect(decideRetryDelayMs(1, () => 0.999_999)).toBe(32_999);
    expect(decideRetryDelayMs(1, () => 0.5)).toBe(31_500);
  });
});
