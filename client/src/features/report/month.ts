import type { Language } from '../../../../shared/format/number';
import { localDate, monthStart, timeZone, zonedDate } from '../../../../shared/time/buckets';

/** A report's month: a local calendar month in the server's time zone, as the API's from/to. */
export interface ReportMonth {
  /** YYYY-MM */
  month: string;
  /** Local midnight of its first day. */
  from: string;
  /** An instant of its last day, or now for this month so far: the server counts the whole day. */
  to: string;
  /** The first of the 12 months that end with it: the trend's start. */
  trendFrom: string;
  /** This month, not over yet. */
  partial: boolean;
}

export type MonthProblem = 'malformed' | 'future';

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;

const monthOf = (at: Date) => {
  const { year, month } = localDate(at);
  return `${year}-${String(month).padStart(2, '0')}`;
};

/** Without ?month=: the last whole month, the one a monthly meeting looks back on. */
export const lastWholeMonth = (now = new Date()) => monthOf(monthStart(now, -1));

/** This month, the latest a report may show (the month picker's maximum). */
export const currentMonth = (now = new Date()) => monthOf(now);

/** The month of ?month=YYYY-MM (2000–2099), or what is wrong with it. */
export function reportMonth(text: string, now = new Date()): ReportMonth | MonthProblem {
  const match = MONTH.exec(text);
  if (!match) return 'malformed';
  const [year, month] = [Number(match[1]), Number(match[2])];
  const start = zonedDate(year, month, 1);
  const thisMonth = monthStart(now);
  if (start > thisMonth) return 'future';
  const partial = start.getTime() === thisMonth.getTime();
  return {
    month: text,
    from: start.toISOString(),
    to: (partial ? now : zonedDate(year, month + 1, 0)).toISOString(),
    trendFrom: zonedDate(year, month - 11, 1).toISOString(),
    partial,
  };
}

/** 2026年10月 or October 2026. */
export function monthTitle(month: ReportMonth, language: Language): string {
  return new Date(month.from).toLocaleDateString(language, { year: 'numeric', month: 'long', timeZone: timeZone() });
}
