import { describe, expect, it } from 'vitest';
import { localDay, zonedDate } from '../time/buckets';
import { aggregateRollups, caseChange, sumDeltas, type RollupCase } from './rollups';

const base: RollupCase = {
  gridId: 1,
  communityId: 1,
  reportedAt: new Date('2026-03-01T10:00Z'),
  acceptedAt: null,
  rejectedAt: null,
  closedAt: null,
  deadline: new Date('2026-03-04T10:00Z'),
  satisfaction: null,
};

describe('rollup aggregation', () => {
  it('counts a case on the days it was reported, accepted and closed', () => {
    const closed = {
      ...base,
      acceptedAt: new Date('2026-03-01T12:00Z'),
      closedAt: new Date('2026-03-03T10:00Z'),
      satisfaction: 4,
    };
    const rows = aggregateRollups(
      [closed],
      [{ gridId: 1, communityId: 1, date: new Date('2026-03-03T09:00Z'), hours: 6.5 }],
    );
    const byDay = Object.fromEntries(rows.map((row) => [localDay(row.day), row]));
    expect(byDay['2026-03-01']).toMatchObject({ casesReported: 1, casesAccepted: 1, casesClosed: 0 });
    expect(byDay['2026-03-03']).toMatchObject({
      casesClosed: 1,
      casesClosedOnTime: 1,
      hoursToCloseSum: 48,
      satisfactionSum: 4,
      volunteerHours: 6.5,
    });
  });

  it('counts a case on its day in Beijing: closed at 07:00 on 1 April, it is an April closure', () => {
    const early = { ...base, acceptedAt: base.reportedAt, closedAt: new Date('2026-04-01T07:00:00+08:00') };
    const [, closedRow] = aggregateRollups([early], []);
    expect(closedRow.day).toEqual(zonedDate(2026, 4, 1));
    expect(localDay(closedRow.day)).toBe('2026-04-01');
  });

  it('counts a case closed after its deadline as late', () => {
    const late = { ...base, acceptedAt: base.reportedAt, closedAt: new Date('2026-03-05T10:00Z') };
    const [, row] = aggregateRollups([late], []);
    expect(row).toMatchObject({ casesClosed: 1, casesClosedOnTime: 0 });
  });

  it('turns the rollups of one state into those of the next with caseChange', () => {
    const accepted = { ...base, acceptedAt: new Date('2026-03-02T08:00Z') };
    const delta = sumDeltas(caseChange(base, accepted));
    expect(delta).toEqual([
      expect.objectContaining({ day: zonedDate(2026, 3, 2), casesAccepted: 1, casesReported: 0 }),
    ]);
  });
});
