/**
 * The traffic split between a placement's copy variants. Pure and dependency-free: the
 * campaign island bundles it, and the test of the split runs it over simulated readers.
 */
export interface WeightedVariant {
  readonly id: string;
  readonly weight: number;
}

/**
 * The variant a reader is shown, for `random` in [0, 1): each variant's share of the
 * total weight is its share of readers. Null when no variant has weight.
 */
export function chooseVariant<V extends WeightedVariant>(
  variants: readonly V[],
  random: number,
): V | null {
  const total = variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  if (total <= 0) return null;
  let point = random * total;
  for (const variant of variants) {
    const weight = Math.max(0, variant.weight);
    if (point < weight) return variant;
    point -= weight;
  }
  return variants.findLast((v) => v.weight > 0) ?? null;
}
