import type { TimeBucket } from '../enums';

const DAY_MS = 86_400_000;

/** Midnight UTC of the day that holds the instant: the key of per-day rollups. */
export function startOfDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** Start (UTC) of the day, ISO week (Monday) or month that holds the instant. */
export function bucketStart(at: Date, bucket: TimeBucket): Date {
  const day = startOfDay(at);
  if (bucket === 'DAY') return day;
  if (bucket === 'WEEK') return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
}

export function nextBucket(start: Date, bucket: TimeBucket): Date {
  if (bucket === 'DAY') return new Date(start.getTime() + DAY_MS);
  if (bucket === 'WEEK') return new Date(start.getTime() + 7 * DAY_MS);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

/** Every bucket start from the one holding `from` up to the one holding `to`. */
export function bucketStarts(from: Date, to: Date, bucket: TimeBucket): Date[] {
  if (from > to) throw new RangeError(`The period starts (${from.toISOString()}) after it ends (${to.toISOString()})`);
  const starts: Date[] = [];
  for (let start = bucketStart(from, bucket); start <= to; start = nextBucket(start, bucket)) starts.push(start);
  return starts;
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

export const HOUR_MS = 3_600_000;
