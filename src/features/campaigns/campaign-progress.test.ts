import { describe, expect, it } from 'vitest';
import { decideProgress } from './campaign-progress.js';
import { wilsonInterval } from './wilson-interval.js';

const base = { goalTarget: 1000, stretchTarget: 1500, supporters: 12000 };

describe('a campaign at its goal', () => {
  it('asks toward the goal until it is reached', () => {
    expect(decideProgress({ ...base, atGoal: 'stretch', count: 640 })).toEqual({
      count: 640,
      target: 1000,
      remaining: 360,
      supporters: 12000,
      phase: 'asking',
    });
  });

  it('keeps counting toward the stretch goal once the goal is reached', () => {
    const progress = decideProgress({ ...base, atGoal: 'stretch', count: 1200 });
    expect(progress).toMatchObject({ phase: 'stretching', target: 1500, remaining: 300 });
  });

  it('thanks readers once the stretch goal is reached too', () => {
    expect(decideProgress({ ...base, atGoal: 'stretch', count: 1500 }).phase).toBe('thanking');
  });

  it('thanks readers at the goal when the campaign chose to thank', () => {
    const progress = decideProgress({ ...base, atGoal: 'thank', count: 1000 });
    expect(progress).toMatchObject({ phase: 'thanking', target: 1000, remaining: 0 });
  });

  it('ends at the goal when the campaign chose to end', () => {
    expect(decideProgress({ ...base, atGoal: 'end', count: 1001 }).phase).toBe('ended');
  });
});

describe('the conversion rate of a variant', () => {
  it('gives the Wilson score interval around the observed rate', () => {
    const { rate, low, high } = wilsonInterval(10, 100);
    expect(rate).toBe(0.1);
    expect(low).toBeCloseTo(0.0552, 3);
    expect(high).toBeCloseTo(0.1744, 3);
  });

  it('stays within 0 and 1 for a fresh test with no conversions', () => {
    const { low, high } = wilsonInterval(0, 5);
    expect(low).toBe(0);
    expect(high).toBeGreaterThan(0);
    expect(high).toBeLessThan(1);
    expect(wilsonInterval(0, 0)).toEqual({ rate: 0, low: 0, high: 0 });
  });
});
