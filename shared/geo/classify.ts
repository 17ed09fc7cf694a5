/** A sequential palette, light to dark, and the colour of places without a value. */
export interface Palette {
  classes: readonly string[];
  noData: string;
}

/**
 * Colour-blind-safe sequential palettes (viridis). The dashboard's runs the whole scale; a
 * wall's keeps only the part that stands out from its background by at least 4.5:1, as text
 * must: the light half on the dark theme's #131c2e, the dark half on the light theme's white.
 */
export const PALETTES = {
  dashboard: { classes: ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'], noData: '#d9d9d9' },
  wallDark: { classes: ['#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89'], noData: '#8a94a6' },
  wallLight: { classes: ['#26828e', '#31688e', '#3e4989', '#482878', '#440154'], noData: '#667085' },
} as const satisfies Record<string, Palette>;

export const PALETTE = PALETTES.dashboard.classes;

export interface LegendClass {
  from: number;
  to: number;
  color: string;
}

/**
 * Quantile classes computed from the values themselves (nulls ignored): at most
 * PALETTE.length classes, fewer when there are few distinct values.
 */
export function classify(
  values: readonly (number | null)[],
  { classes: colors }: Palette = PALETTES.dashboard,
): LegendClass[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = [...new Set(sorted)];
  const count = Math.min(colors.length, distinct.length);
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
      ? [colors[2]]
      : classes.map((_, i) => colors[Math.round((i * (colors.length - 1)) / (classes.length - 1))]);
  return classes.map((c, i) => ({ ...c, color: palette[i] }));
}

export const NO_DATA_COLOR = PALETTES.dashboard.noData;

export function colorFor(
  value: number | null,
  classes: readonly LegendClass[],
  noData: string = NO_DATA_COLOR,
): string {
  if (value === null || classes.length === 0) return noData;
  return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1]).color;
}
