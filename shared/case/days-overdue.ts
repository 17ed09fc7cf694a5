import { localDate } from '../time/buckets';
import { isOpen, type CaseStatus } from './workflow';

/** The local calendar date of an instant as a count of days since 1970-01-01. */
function dayNumber(at: Date): number {
  const { year, month, day } = localDate(at);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * 超期天数: local calendar days (TIME_ZONE) from the day the deadline passed to today, 0 on
 * that day itself, so the count steps up at local midnight as the daily bulletins do;
 * null for a case that is finished or not yet due.
 */
export function daysOverdue(c: { status: CaseStatus; deadline: Date }, now = new Date()): number | null {
  if (!isOpen(c.status) || c.deadline >= now) return null;
  return dayNumber(now) - dayNumber(c.deadline);
}
