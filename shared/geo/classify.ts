import { METRIC_DEFINITIONS, type Metric } from '../metrics/definitions';
import type { Grade } from '../metrics/grades';

/** A sequential palette, light to dark, and the colour of places without a value. */
export interface Palette {
  classes: readonly string[];
  noData: string;
}

/**
 * Sequential palettes, light to dark. The dashboard colours by the metric's direction: viridis
 * (colour-blind safe) for counts where more is neither good nor bad, greens where more is
 * better, reds where more is worse (backlog, overdue). A wall's keeps only the part of
 * viridis that stands out from its background by at least 4.5:1, as text must: the light
 * half on the dark theme's #131c2e, the dark half on the light theme's white.
 */
export const PALETTES = {
  dashboard: { classes: ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'], noData: '#d9d9d9' },
  good: { classes: ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'], noData: '#d9d9d9' },
  bad: { classes: ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'], noData: '#d9d9d9' },
  wallDark: { classes: ['#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89'], noData: '#8a94a6' },
  wallLight: { classes: ['#26828e', '#31688e', '#3e4989', '#482878', '#440154'], noData: '#667085' },
} as const satisfies Record<string, Palette>;

export const PALETTE = PALETTES.dashboard.classes;

/** The dashboard's palette for a metric, by whether more of it is better, worse or neither. */
export function paletteFor(metric: Metric): Palette {
  const { higherIsBetter } = METRIC_DEFINITIONS[metric];
  return higherIsBetter === null ? PALETTES.dashboard : higherIsBetter ? PALETTES.good : PALETTES.bad;
}

/** 红黄绿: the grades' colours where a metric has targets. */
export const GRADE_COLORS: Record<Grade, string> = { 优: '#1a9850', 良: '#91cf60', 中: '#fee08b', 差: '#d73027' };

export interface LegendClass {
  from: number;
  to: number;
  color: string;
}

/** A class's range of values, both ends inclusive. */
export interface ClassRange {
  from: number;
  to: number;
}

/**
 * Quantile classes of the values (nulls ignored): at most `count`, fewer when there are few
 * distinct values, one when they are all equal.
 */
export function classRanges(values: readonly (number | null)[], count: number): ClassRange[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const classes = Math.min(count, new Set(sorted).size);
  const breaks = Array.from(
    { length: classes + 1 },
    (_, i) => sorted[Math.min(sorted.length - 1, Math.round((i * (sorted.length - 1)) / classes))],
  );
  const ranges: ClassRange[] = [];
  for (let i = 0; i < classes; i++) {
    if (i > 0 && breaks[i + 1] <= ranges[ranges.length - 1].to) continue;
    ranges.push({ from: i === 0 ? breaks[0] : ranges[ranges.length - 1].to, to: breaks[i + 1] });
  }
  return ranges;
}

/** Ranges coloured light to dark, spread over the palette; a single class takes its middle. */
export function colorClasses(ranges: readonly ClassRange[], { classes: colors }: Palette): LegendClass[] {
  const palette =
    ranges.length === 1
      ? [colors[2]]
      : ranges.map((_, i) => colors[Math.round((i * (colors.length - 1)) / (ranges.length - 1))]);
  return ranges.map((c, i) => ({ from: c.from, to: c.to, color: palette[i] }));
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
