/**
 * Split an integer total into integer parts proportional to the weights, exactly
 * (largest-remainder method): the parts always add up to the total.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`Cannot allocate ${total}: need a non-negative integer`);
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError(`Cannot allocate ${total} over no parts`);
  }
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const shares = weights.map((w) => (weightSum > 0 ? (total * w) / weightSum : total / weights.length));
  const parts = shares.map(Math.floor);
  let left = total - parts.reduce((sum, p) => sum + p, 0);
  const byRemainder = shares
    .map((share, i) => ({ i, remainder: share - parts[i] }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[byRemainder[k % byRemainder.length].i]++;
  return parts;
}
