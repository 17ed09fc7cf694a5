import { formatNumber, type Language } from '../../../shared/format/number';
import { METRIC_DEFINITIONS, type Metric } from '../../../shared/metrics/definitions';
import type { Strings } from '../i18n/catalogue';

/** A metric value as people read it: "too few cases" for thin rates, units after counts. */
export function metricText(
  metric: Metric,
  value: number | null,
  tooFewCases: boolean,
  language: Language,
  strings: Strings,
): string {
  if (tooFewCases) return strings.tooFew;
  const unit = METRIC_DEFINITIONS[metric].unit;
  const number = formatNumber(value, unit, language);
  return value === null || !strings.units[unit] ? number : `${number} ${strings.units[unit]}`;
}
