import { formatNumber, type Language } from '../../../../shared/format/number';
import type { MetricUnit } from '../../../../shared/metrics/definitions';
import { localDate, timeZone } from '../../../../shared/time/buckets';

/** Tick and tooltip formatters for a unit in the current language. */
export function axisFormat(unit: MetricUnit, language: Language) {
  return (value: unknown) => formatNumber(Number(value), unit, language);
}

/**
 * Month starts (local midnight in the server's time zone) as 3月 or Mar; when they span two
 * years every month carries its year, short (25年3月, Mar ’25), since a chart shows only some
 * of its ticks and a leader must know which March is which.
 */
export function monthLabels(starts: readonly string[], language: Language): string[] {
  const dates = starts.map((iso) => localDate(new Date(iso)));
  const spansYears = new Set(dates.map((d) => d.year)).size > 1;
  return starts.map((iso, i) => {
    const month = new Date(iso).toLocaleDateString(language, { month: 'short', timeZone: timeZone() });
    if (!spansYears) return month;
    const year = String(dates[i].year % 100).padStart(2, '0');
    return language === 'en' ? `${month} ’${year}` : `${year}年${month}`;
  });
}

/**
 * A monthly series whose last month is not over: its values move to `<key>Partial`, so that a
 * chart draws the month so far apart (a hollow dot, a faint bar) and not as a line falling
 * from the last whole month.
 */
export function withPartialMonth<Row extends Record<string, unknown>>(
  rows: Row[],
  keys: readonly (keyof Row & string)[],
  partial: boolean,
): (Row & Record<string, unknown>)[] {
  if (!partial || rows.length === 0) return rows;
  const last = rows.length - 1;
  return rows.map((row, i) => {
    const split: Record<string, unknown> = { ...row };
    for (const key of keys) {
      split[`${key}Partial`] = i === last ? row[key] : null;
      if (i === last) split[key] = null;
    }
    return split as Row & Record<string, unknown>;
  });
}

export const SERIES_COLORS = { first: '#3b528b', second: '#21918c', third: '#fdae61' };

/** The x axis of a bar per place: every name, slanted once there are more than six of them. */
export function placeAxis(places: number) {
  const slanted = places > 6;
  return {
    dataKey: 'name',
    tick: { fontSize: 11 },
    interval: 0,
    angle: slanted ? -30 : 0,
    textAnchor: slanted ? 'end' : 'middle',
    height: slanted ? 50 : 30,
  } as const;
}
