import type { MetricUnit } from '../metrics/definitions';

export type Language = 'zh-CN' | 'en';

/**
 * 9,050 / 1.49万 / 3.2亿 in Chinese (万 from 10,000 up, 亿 from 100 million), 9,050 / 14,929 in
 * English, or 14.9k / 3.2M when `compact` (a wall's big numbers); ratios as percentages.
 */
export function formatNumber(value: number | null, unit: MetricUnit, language: Language, compact = false): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'score') return value.toFixed(2);
  const digits = unit === 'hours' || unit === 'perKm2' ? (Math.abs(value) < 100 ? 1 : 0) : 0;
  const scaled = (divisor: number, suffix: string, fractionDigits = 2) =>
    `${(value / divisor).toLocaleString(language, { maximumFractionDigits: fractionDigits })}${suffix}`;
  if (language === 'zh-CN' && Math.abs(value) >= 100_000_000) return scaled(100_000_000, '亿');
  if (language === 'zh-CN' && Math.abs(value) >= 10_000) return scaled(10_000, '万');
  if (compact && Math.abs(value) >= 1_000_000) return scaled(1_000_000, 'M', 1);
  if (compact && Math.abs(value) >= 10_000) return scaled(1_000, 'k', 1);
  return value.toLocaleString(language, { maximumFractionDigits: digits });
}

/** A value per 1,000 residents: one decimal, so that small rates do not round to 0. */
export function formatPerThousand(value: number | null, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value.toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
