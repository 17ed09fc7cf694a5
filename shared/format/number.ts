import type { MetricUnit } from '../metrics/definitions';

export type Language = 'zh-CN' | 'en';

/** 9,050 / 1.49万 in Chinese (万 from 10,000 up), 9,050 / 14,929 in English; ratios as percentages. */
export function formatNumber(value: number | null, unit: MetricUnit, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'score') return value.toFixed(2);
  const digits = unit === 'hours' || unit === 'perKm2' ? (Math.abs(value) < 100 ? 1 : 0) : 0;
  if (language === 'zh-CN' && Math.abs(value) >= 10_000) {
    return `${(value / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万`;
  }
  return value.toLocaleString(language, { maximumFractionDigits: digits });
}

/** A value per 1,000 residents: one decimal, so that small rates do not round to 0. */
export function formatPerThousand(value: number | null, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value.toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
