import { formatNumber, type Language } from '../../../../shared/format/number';
import type { MetricUnit } from '../../../../shared/metrics/definitions';
import { timeZone } from '../../../../shared/time/buckets';

/** Tick and tooltip formatters for a unit in the current language. */
export function axisFormat(unit: MetricUnit, language: Language) {
  return (value: unknown) => formatNumber(Number(value), unit, language);
}

/** A month's start (local midnight in the server's time zone) as 3月 or Mar. */
export function monthLabel(iso: string, language: Language): string {
  return new Date(iso).toLocaleDateString(language, { month: 'short', timeZone: timeZone() });
}

export const SERIES_COLORS = { first: '#3b528b', second: '#21918c', third: '#fdae61' };
