import { addDays, bucketStart, localDay, monthStart, zonedDate } from './buckets';

/**
 * Period presets a leader picks from; they travel in the URL as ?period= (a custom range
 * also as &from=YYYY-MM-DD&to=YYYY-MM-DD). `year` is the last 12 months, `thisYear` the
 * calendar year so far.
 */
export const PERIODS = ['month', 'lastMonth', 'quarter', 'thisYear', 'year', 'twoYears', 'custom'] as const;
export type PeriodPreset = (typeof PERIODS)[number];

/** Local calendar days, both inclusive, of a custom range. */
export interface DayRange {
  from: string;
  to: string;
}

export interface PeriodRange {
  from: string;
  to: string;
  /** Whether it ends today: its last month is not over, and is drawn as partial rather than as a drop. */
  partial: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A custom range from the URL, or null when either day is missing, malformed or they are reversed. */
export function dayRange(from: string | null, to: string | null): DayRange | null {
  if (!from || !to || !DAY.test(from) || !DAY.test(to) || from > to) return null;
  return { from, to };
}

const dayStart = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return zonedDate(year, month, date);
};

/**
 * The preset as a from/to pair in the calendar's time zone: this month, quarter or year
 * from its first day; the last 12 or 24 months counting this one; last month whole; or a
 * custom range of days (last 12 months when it is missing). `to` is the start of the last
 * day: the server counts the whole of it.
 */
export function periodRange(preset: PeriodPreset, now = new Date(), custom: DayRange | null = null): PeriodRange {
  const ending = (from: Date, to = now) => ({
    from: from.toISOString(),
    // Midnight of the last day, which the server counts whole: the same question all day, kept as one answer.
    to: dayStart(localDay(to)).toISOString(),
    partial: localDay(to) === localDay(now),
  });
  if (preset === 'month') return ending(monthStart(now));
  if (preset === 'lastMonth') return ending(monthStart(now, -1), addDays(monthStart(now), -1));
  if (preset === 'quarter') return ending(bucketStart(now, 'QUARTER'));
  if (preset === 'thisYear') return ending(bucketStart(now, 'YEAR'));
  if (preset === 'custom' && custom) return ending(dayStart(custom.from), dayStart(custom.to));
  return ending(monthStart(now, preset === 'twoYears' ? -23 : -11));
}
