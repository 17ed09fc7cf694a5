import { useQuery } from '@apollo/client/react';
import {
  colorClasses,
  colorFor,
  GRADE_COLORS,
  paletteFor,
  type ClassRange,
  type Palette,
} from '../../../../shared/geo/classify';
import { formatNumber, type Language } from '../../../../shared/format/number';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { gradeOf, GRADES } from '../../../../shared/metrics/grades';
import type { MapLevel } from '../../gql/graphql';
import { classLabel, type LegendRow } from './Legend';
import { MAP_LEGEND } from './operations';

/** A place's value as the map colours it: none when a rate stands on too few cases. */
export interface Colored {
  value: number | null;
  tooFewCases: boolean;
}

/** The classes and grade limits of a level, metric and period, as `mapLegend` answers. */
export interface LegendData {
  classes: readonly ClassRange[];
  gradeLimits?: readonly number[] | null;
}

/**
 * How a map colours its places, from the server's legend so that every view of the same
 * level, metric and period reads alike: by grade (优 良 中 差, green to red) where the metric has
 * targets and no palette is imposed, else by the jurisdiction's classes in the metric's
 * palette (greens where more is better, reds where more is worse) or the one given (a wall's).
 */
export function legendColors(
  legend: LegendData | undefined,
  metric: Metric,
  language: Language,
  imposed: Palette | undefined,
) {
  const palette = imposed ?? paletteFor(metric);
  const limits = !imposed ? (legend?.gradeLimits ?? null) : null;
  const unit = METRIC_DEFINITIONS[metric].unit;
  const classes = colorClasses(legend?.classes ?? [], palette);
  const rows: LegendRow[] = limits
    ? gradeRows(metric, limits, language)
    : classes.map((c) => ({ color: c.color, label: classLabel(c, unit, language) }));
  const fill = ({ value, tooFewCases }: Colored) => {
    if (tooFewCases || value === null) return palette.noData;
    if (!limits) return colorFor(value, classes, palette.noData);
    return GRADE_COLORS[gradeOf(metric, value, { [metric]: limits as [number, number, number] })!];
  };
  return { rows, fill, noData: palette.noData };
}

export type MapColors = ReturnType<typeof legendColors>;

/** legendColors of the legend of a level, metric and period, read from the server. */
export function useMapColors(
  level: MapLevel,
  metric: Metric,
  period: { from: string; to: string },
  language: Language,
  imposed: Palette | undefined,
) {
  const legend = useQuery(MAP_LEGEND, { variables: { level, metric, ...period } });
  return { ...legendColors(legend.data?.mapLegend, metric, language, imposed), loading: legend.loading };
}

/** The grade bands as legend rows, best first: 优 ≥ 90.0%, 良 80.0% – 90.0%, …, 差 < 60.0%. */
function gradeRows(metric: Metric, limits: readonly number[], language: Language): LegendRow[] {
  const lowerIsBetter = METRIC_DEFINITIONS[metric].higherIsBetter === false;
  const text = (v: number) => formatNumber(v, METRIC_DEFINITIONS[metric].unit, language);
  const [best, worst] = lowerIsBetter ? ['≤', '>'] : ['≥', '<'];
  return GRADES.map((grade, i) => {
    const range =
      i === 0
        ? `${best} ${text(limits[0])}`
        : i === GRADES.length - 1
          ? `${worst} ${text(limits[i - 1])}`
          : lowerIsBetter
            ? `${text(limits[i - 1])} – ${text(limits[i])}`
            : `${text(limits[i])} – ${text(limits[i - 1])}`;
    return { color: GRADE_COLORS[grade], label: `${grade} ${range}` };
  });
}
