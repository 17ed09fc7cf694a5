import { addDays, addMonths, daysBetween, isMonthStart, startOfDay, zonedDate } from '../../../shared/time/buckets';
import { badInput } from './errors';
import { plausibleDate } from './input-bounds';

/** A period of whole local days (TIME_ZONE): from the start of `from`'s day to the end of `to`'s day. */
export interface Period {
  start: Date;
  endExclusive: Date;
}

const DEFAULT_DAYS = 365;

export function periodOf(from?: Date | null, to?: Date | null): Period {
  const end = to ?? new Date();
  const start = from ?? addDays(end, -DEFAULT_DAYS);
  plausibleDate(start, 'from');
  plausibleDate(end, 'to');
  if (start > end) throw badInput(`The period starts (${start.toISOString()}) after it ends (${end.toISOString()})`);
  return { start: startOfDay(start), endExclusive: addDays(startOfDay(end), 1) };
}

/** Local calendar days YYYY-MM-DD, both inclusive: from the first's midnight to the midnight after the last. */
export function periodOfDays(from: string, to: string): Period {
  const [start, dayAfter] = [from, to].map((text, last) => {
    const [year, month, day] = text.split('-').map(Number);
    if (year < 2000 || year > 2100) throw badInput(`${text} must lie between the years 2000 and 2100`);
    return zonedDate(year, month, day + last);
  });
  if (from > to) throw badInput(`The period starts (${from}) after it ends (${to})`);
  return { start, endExclusive: dayAfter };
}

export function periodKey(period: Period): string {
  return `${period.start.getTime()}-${period.endExclusive.getTime()}`;
}

/**
 * The period a figure is compared with: `previous` (环比) is the one of the same length
 * just before. A period from the first of a month is moved back by as many months as it
 * touches, so March is compared with February and 1–2 December (this month so far) with
 * 1–2 November, not with the last two days of November; `yearEarlier` (同比) is the same
 * days a year before.
 */
export function earlierPeriod(period: Period, which: 'previous' | 'yearEarlier'): Period {
  if (which === 'yearEarlier')
    return { start: addMonths(period.start, -12), endExclusive: addMonths(period.endExclusive, -12) };
  if (isMonthStart(period.start)) {
    let months = 1;
    while (addMonths(period.start, months) < period.endExclusive) months++;
    const end = addMonths(period.endExclusive, -months);
    return { start: addMonths(period.start, -months), endExclusive: end < period.start ? end : period.start };
  }
  return { start: addDays(period.start, -daysBetween(period.start, period.endExclusive)), endExclusive: period.start };
}
