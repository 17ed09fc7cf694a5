import { formatNumber, type Language } from '../../../shared/format/number';
import { METRIC_DEFINITIONS, type Metric } from '../../../shared/metrics/definitions';
import type { Strings } from '../i18n/catalogue';

/**
 * A metric value as people read it, number and unit apart (a wall sets the unit smaller);
 * a figure stated as "at least" reads 4,000余 / 4,000+.
 */
export function metricParts(
  metric: Metric,
  value: number | null,
  tooFewCases: boolean,
  language: Language,
  strings: Strings,
  compact = false,
  atLeast = false,
): { number: string; unit: string } {
  if (tooFewCases) return { number: strings.tooFew, unit: '' };
  const unit = METRIC_DEFINITIONS[metric].unit;
  return {
    number: formatNumber(value, unit, language, compact) + (atLeast && value !== null ? strings.atLeast : ''),
    unit: value === null ? '' : (value === 1 && strings.unitsOfOne[unit]) || strings.units[unit],
  };
}

/** A metric value as people read it: "too few cases" for thin rates, units after counts. */
export function metricText(
  metric: Metric,
  value: number | null,
  tooFewCases: boolean,
  language: Language,
  strings: Strings,
  atLeast = false,
): string {
  const { number, unit } = metricParts(metric, value, tooFewCases, language, strings, false, atLeast);
  return unit ? `${number} ${unit}` : number;
}
