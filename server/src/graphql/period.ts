import { addDays, startOfDay } from '../../../shared/time/buckets';
import { badInput } from './errors';
import { plausibleDate } from './input-bounds';

/** A period of whole UTC days: from the start of `from`'s day to the end of `to`'s day. */
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

export function periodKey(period: Period): string {
  return `${period.start.getTime()}-${period.endExclusive.getTime()}`;
}
