import { describe, expect, it } from 'vitest';
import { chooseVariant } from './variant-split.js';

/** mulberry32: a small seeded generator, so the simulated readers are the same every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the traffic split between copy variants', () => {
  const variants = [
    { id: 'a', weight: 70 },
    { id: 'b', weight: 30 },
  ];

  it('shows each variant to its configured share of 1,000 readers, within sampling error', () => {
    // Tolerance: four standard errors of a share of 1,000 (sqrt(0.7 * 0.3 / 1000) ≈ 0.0145),
    // so a correct split fails about once in 16,000 seeds; a 60/40 or 80/20 split fails.
    for (const seed of [1, 2, 3, 42, 2026]) {
      const random = seeded(seed);
      let a = 0;
      for (let reader = 0; reader < 1000; reader += 1) {
        if (chooseVariant(variants, random())?.id === 'a') a += 1;
      }
      expect(Math.abs(a / 1000 - 0.7), `seed ${seed}: ${a} of 1,000 saw a`).toBeLessThan(0.058);
    }
  });

  it('never shows a variant with no weight (a stopped test arm)', () => {
    const random = seeded(7);
    const arms = [
      { id: 'a', weight: 0 },
      { id: 'b', weight: 1 },
    ];
    for (let i = 0; i < 1000; i += 1) expect(chooseVariant(arms, random())?.id).toBe('b');
  });

  it('shows nothing when no variant has weight', () => {
    expect(chooseVariant([{ id: 'a', weight: 0 }], 0.5)).toBeNull();
    expect(chooseVariant([], 0.5)).toBeNull();
  });

  it('keeps the edges inside the range', () => {
    expect(chooseVariant(variants, 0)?.id).toBe('a');
    expect(chooseVariant(variants, 0.6999)?.id).toBe('a');
    expect(chooseVariant(variants, 0.7)?.id).toBe('b');
    expect(chooseVariant(variants, 0.999999)?.id).toBe('b');
  });
});
