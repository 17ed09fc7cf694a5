import type { TimeBucket } from '../enums';

/**
 * The calendar everything is counted in: days, ISO weeks, months, quarters and years
 * begin at local midnight in one time zone (TIME_ZONE, Asia/Shanghai unless set), so a
 * case reported at 07:00 Beijing time on 1 March counts in March. Instants stay instants
 * (ISO-8601 in the API); only where a day begins depends on the zone.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const HOUR_MS = 3_600_000;

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
type Offset = (instant: number) => number;

function zoneOffset(zone: string): Offset {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offset: Offset = (instant) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return wall - (instant - (((instant % 1000) + 1000) % 1000));
  };
  // Most zones that count Chinese cases (Asia/Shanghai, Asia/Urumqi, UTC) keep one offset all
  // year: then it is read once, not through Intl at every call.
  const samples = [Date.UTC(2001, 0, 1), Date.UTC(2001, 6, 1), Date.UTC(2030, 0, 1), Date.UTC(2030, 6, 1)].map(offset);
  return samples.every((sample) => sample === samples[0]) ? () => samples[0] : offset;
}

let zone = DEFAULT_TIME_ZONE;
let offsetAt = zoneOffset(zone);

/** Count in this zone from now on (the server's TIME_ZONE; the dashboard takes it from /config.json). */
export function setTimeZone(name: string): void {
  offsetAt = zoneOffset(name); // throws RangeError for a zone Intl does not know
  zone = name;
}

export const timeZone = () => zone;

/** Whether Intl knows the zone (an IANA name such as Asia/Shanghai). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock time of an instant, written as if it were UTC (how spreadsheets hold dates). */
export const wallClock = (at: Date) => new Date(at.getTime() + offsetAt(at.getTime()));

/** The local calendar date of an instant. */
export function localDate(at: Date): LocalDate {
  const wall = wallClock(at);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant of a local wall-clock time; out-of-range parts roll over (month 13 is
 * January of the next year, day 0 the last day of the month before).
 */
export function zonedDate(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  let instant = wall - offsetAt(wall);
  // Across a change of offset the first guess is off by the change; one correction settles it.
  const corrected = wall - offsetAt(instant);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** The local day of an instant, as YYYY-MM-DD. */
export function localDay(at: Date): string {
  const { year, month, day } = localDate(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Local midnight of the day that holds the instant: the key of per-day rollups. */
export function startOfDay(at: Date): Date {
  const { year, month, day } = localDate(at);
  return zonedDate(year, month, day);
}

/** Local start of the day, ISO week (Monday), month, quarter or year that holds the instant. */
export function bucketStart(at: Date, bucket: TimeBucket): Date {
  const { year, month, day } = localDate(at);
  if (bucket === 'DAY') return zonedDate(year, month, day);
  if (bucket === 'WEEK') {
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    return zonedDate(year, month, day - ((weekday + 6) % 7));
  }
  if (bucket === 'MONTH') return zonedDate(year, month, 1);
  if (bucket === 'QUARTER') return zonedDate(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
  return zonedDate(year, 1, 1);
}

/** The start of the bucket after the one that starts at `start`. */
export function nextBucket(start: Date, bucket: TimeBucket): Date {
  const { year, month, day } = localDate(start);
  if (bucket === 'DAY') return zonedDate(year, month, day + 1);
  if (bucket === 'WEEK') return zonedDate(year, month, day + 7);
  if (bucket === 'MONTH') return zonedDate(year, month + 1, 1);
  if (bucket === 'QUARTER') return zonedDate(year, month + 3, 1);
  return zonedDate(year + 1, 1, 1);
}

/** Every bucket start from the one holding `from` up to the one holding `to`. */
export function bucketStarts(from: Date, to: Date, bucket: TimeBucket, most = Infinity): Date[] {
  if (from > to) throw new RangeError(`The period starts (${from.toISOString()}) after it ends (${to.toISOString()})`);
  const starts: Date[] = [];
  // Past `most`, one more start tells the caller there are too many, without counting a century of days.
  for (let start = bucketStart(from, bucket); start <= to && starts.length <= most; start = nextBucket(start, bucket))
    starts.push(start);
  return starts;
}

/** The same local time `days` local days later (or earlier). */
export function addDays(at: Date, days: number): Date {
  const { year, month, day } = localDate(at);
  const sinceMidnight = at.getTime() - zonedDate(year, month, day).getTime();
  return new Date(zonedDate(year, month, day + days).getTime() + sinceMidnight);
}

/** The same local day and time `months` months later (or earlier); a day the month lacks rolls over. */
export function addMonths(at: Date, months: number): Date {
  const { year, month, day } = localDate(at);
  const sinceMidnight = at.getTime() - zonedDate(year, month, day).getTime();
  return new Date(zonedDate(year, month + months, day).getTime() + sinceMidnight);
}

/** Whether the instant is local midnight on the first of a month. */
export const isMonthStart = (at: Date) => monthStart(at).getTime() === at.getTime();

/** Local days from one local midnight to another. */
export function daysBetween(start: Date, end: Date): number {
  let days = 0;
  for (let at = start; at < end; at = nextBucket(at, 'DAY')) days++;
  return days;
}

/** The local start of the month `months` months after the one that holds the instant. */
export function monthStart(at: Date, months = 0): Date {
  const { year, month } = localDate(at);
  return zonedDate(year, month + months, 1);
}
