import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, setTimeZone } from '../time/buckets';
import { daysOverdue } from './days-overdue';

afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

const dispatched = (deadline: string) => ({ status: 'DISPATCHED' as const, deadline: new Date(deadline) });

describe('days overdue', () => {
  it('counts local days from the deadline’s day: 0 on that day, 1 from the next local midnight', () => {
    const now = new Date('2026-11-20T00:30:00+08:00');
    expect(daysOverdue(dispatched('2026-11-20T00:10:00+08:00'), now)).toBe(0);
    expect(daysOverdue(dispatched('2026-11-19T23:50:00+08:00'), now)).toBe(1);
    expect(daysOverdue(dispatched('2026-11-19T00:10:00+08:00'), now)).toBe(1);
    expect(daysOverdue(dispatched('2025-11-20T09:00:00+08:00'), now)).toBe(365);
  });

  it('is null for a case not yet due, and for a closed or rejected one however late', () => {
    const now = new Date('2026-11-20T12:00:00+08:00');
    expect(daysOverdue(dispatched('2026-11-20T12:00:00+08:00'), now)).toBeNull();
    expect(daysOverdue({ status: 'CLOSED', deadline: new Date('2026-01-01T00:00:00+08:00') }, now)).toBeNull();
    expect(daysOverdue({ status: 'REJECTED', deadline: new Date('2026-01-01T00:00:00+08:00') }, now)).toBeNull();
  });

  it('counts in the configured zone: 23:50 in Beijing is still the same day in UTC', () => {
    const deadline = dispatched('2026-11-19T15:50:00Z');
    const now = new Date('2026-11-19T16:30:00Z');
    expect(daysOverdue(deadline, now)).toBe(1);
    setTimeZone('UTC');
    expect(daysOverdue(deadline, now)).toBe(0);
  });

  it('counts whole days across a change to summer time', () => {
    setTimeZone('Europe/Berlin');
    const now = new Date('2026-03-30T00:30:00+02:00');
    expect(daysOverdue(dispatched('2026-03-28T23:30:00+01:00'), now)).toBe(2);
  });
});
