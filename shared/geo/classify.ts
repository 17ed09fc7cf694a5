/** Colour-blind-safe sequential palette (viridis, light to dark). */
export const PALETTE = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;

export interface LegendClass {
  from: number;
  to: number;
  color: string;
}

/**
 * Quantile classes computed from the values themselves (nulls ignored): at most
 * PALETTE.length classes, fewer when there are few distinct values.
 */
export function classify(values: readonly (number | null)[]): LegendClass[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = [...new Set(sorted)];
  const count = Math.min(PALETTE.length, distinct.length);
  const breaks = Array.from(
    { length: count + 1 },
    (_, i) => sorted[Math.min(sorted.length - 1, Math.round((i * (sorted.length - 1)) / count))],
  );
  const classes: LegendClass[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && breaks[i + 1] <= classes[classes.length - 1].to) continue;
    classes.push({ from: i === 0 ? breaks[0] : classes[classes.length - 1].to, to: breaks[i + 1], color: '' });
  }
  const palette =
    classes.length === 1
      ? [PALETTE[2]]
      : classes.map((_, i) => PALETTE[Math.round((i * (PALETTE.length - 1)) / (classes.length - 1))]);
  return classes.map((c, i) => ({ ...c, color: palette[i] }));
}

export const NO_DATA_COLOR = '#d9d9d9';

export function colorFor(value: number | null, classes: readonly LegendClass[]): string {
  if (value === null || classes.length === 0) return NO_DATA_COLOR;
  return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1]).color;
}
