import { afterAll, beforeAll, expect, it } from 'vitest';
import { allowedTransitions, isOpen, type CaseStatus } from '../../shared/case/workflow';
import { CASE_CATEGORIES } from '../../shared/enums';
import { SeededRandom } from '../../prisma/seed/random';
import { rebuildCommunityRollups } from '../../server/src/modules/rollup/rollup.service';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';
import { bucketStarts, localDay, nextBucket, startOfDay } from '../../shared/time/buckets';
import { caseCounts, isOverdueOpen } from '../../shared/metrics/case-metrics';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const METRICS = [
  'CASES_REPORTED',
  'CASES_ACCEPTED',
  'CASES_DUE',
  'CASES_CLOSED',
  'CASES_CLOSED_ON_TIME',
  'CASES_POSTPONED',
  'CLOSURE_RATE',
  'ON_TIME_RATE',
  'REWORK_RATE',
  'EXTENSION_RATE',
  'OVERDUE_OPEN',
  'BACKLOG',
  'VOLUNTEER_HOURS',
  'MEDIAN_HOURS_TO_CLOSE',
];

const rateOf = (numerator: number, denominator: number) => (denominator >= 5 ? numerator / denominator : null);

/**
 * The same metrics computed straight from raw case and log rows, without rollups or SQL
 * aggregates: the published counts by the definitions in shared/metrics/case-metrics.ts,
 * the rest each written out as its own query.
 */
async function fromRawRows(communityId: number, start: Date, end: Date) {
  const db = server.db;
  const within = { gte: start, lt: end };
  const openAtEnd = { OR: [{ closedAt: null }, { closedAt: { gte: end } }] };
  const [reported, records, backlog, hours, closedInPeriod] = await Promise.all([
    db.case.count({ where: { communityId, reportedAt: within } }),
    db.case.findMany({
      where: { communityId },
      select: { acceptedAt: true, closedAt: true, deadline: true, postponedAt: true, extendedAt: true, reworks: true },
    }),
    db.case.count({
      where: {
        communityId,
        reportedAt: { lt: end },
        AND: [openAtEnd, { OR: [{ rejectedAt: null }, { rejectedAt: { gte: end } }] }],
      },
    }),
    db.volunteerLog.aggregate({ where: { grid: { communityId }, date: within }, _sum: { hours: true } }),
    db.case.findMany({ where: { communityId, closedAt: within }, select: { reportedAt: true, closedAt: true } }),
  ]);
  const {
    accepted,
    due,
    closed,
    closedOnTime: onTime,
    postponed,
    reworked,
    extended,
  } = caseCounts(records, {
    start,
    end,
  });
  const overdueOpen = records.filter((c) => isOverdueOpen(c, end)).length;
  const durations = closedInPeriod
    .map((c) => (c.closedAt!.getTime() - c.reportedAt.getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  const mid = Math.floor(durations.length / 2);
  return {
    CASES_REPORTED: reported,
    CASES_ACCEPTED: accepted,
    CASES_DUE: due,
    CASES_CLOSED: closed,
    CASES_CLOSED_ON_TIME: onTime,
    CASES_POSTPONED: postponed,
    CLOSURE_RATE: rateOf(closed, due - postponed),
    ON_TIME_RATE: rateOf(onTime, due - postponed),
    REWORK_RATE: rateOf(reworked, closed),
    EXTENSION_RATE: rateOf(extended, accepted),
    OVERDUE_OPEN: overdueOpen,
    BACKLOG: backlog,
    VOLUNTEER_HOURS: hours._sum.hours ?? 0,
    MEDIAN_HOURS_TO_CLOSE:
      durations.length >= 5
        ? durations.length % 2
          ? durations[mid]
          : (durations[mid - 1] + durations[mid]) / 2
        : null,
  } as Record<string, number | null>;
}

async function randomMutations(count: number) {
  const random = new SeededRandom(7);
  const { data } = await server.gql('{ communities { code volunteerTeams { id } grids { code } } }');
  const communities = data!.communities as {
    code: string;
    volunteerTeams: { id: number }[];
    grids: { code: string }[];
  }[];
  const opened: string[] = [];
  for (let i = 0; i < count; i++) {
    const community = random.pick(communities);
    const gridCode = random.pick(community.grids).code;
    const roll = random.next();
    if (roll < 0.35 || opened.length === 0) {
      const r = await server.gql(
        'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }',
        { i: { gridCode, category: random.pick(CASE_CATEGORIES), description: `随机事件 ${i}` } },
        TEST_ADMIN_TOKEN,
      );
      expect(r.errors).toBeUndefined();
      opened.push(r.data!.reportCase.code);
    } else if (roll < 0.85) {
      const code = random.pick(opened);
      const row = await server.db.case.findUniqueOrThrow({ where: { code } });
      const next = allowedTransitions(row.status as CaseStatus);
      if (!next.length) continue;
      const r = await server.gql(
        'mutation($c: String!, $t: CaseStatus!) { transitionCase(code: $c, to: $t, note: "随机") { status } }',
        { c: code, t: random.pick(next) },
        TEST_ADMIN_TOKEN,
      );
      expect(r.errors).toBeUndefined();
      if (!isOpen(r.data!.transitionCase.status)) opened.splice(opened.indexOf(code), 1);
    } else if (roll < 0.9) {
      const code = random.pick(opened);
      const row = await server.db.case.findUniqueOrThrow({ where: { code } });
      const r = await server.gql(
        'mutation($c: String!, $d: DateTime!) { extendCaseDeadline(code: $c, deadline: $d, reason: "随机延期") { code } }',
        { c: code, d: new Date(row.deadline.getTime() + random.int(1, 96) * 3_600_000).toISOString() },
        TEST_ADMIN_TOKEN,
      );
      expect(r.errors).toBeUndefined();
    } else {
      const r = await server.gql(
        'mutation($i: LogVolunteerHoursInput!) { logVolunteerHours(input: $i) { id } }',
        {
          i: {
            teamId: random.pick(community.volunteerTeams).id,
            gridCode,
            participants: random.int(1, 9),
            hours: random.int(1, 20),
            description: '测试服务',
          },
        },
        TEST_ADMIN_TOKEN,
      );
      expect(r.errors).toBeUndefined();
    }
  }
}

it('keeps rollup-based metrics equal to the same metrics from raw rows after random mutations', async () => {
  await randomMutations(120);
  const to = new Date();
  const from = new Date(to.getTime() - 90 * 86_400_000);
  // Whole days in Beijing time, as the server counts them.
  const period = { start: startOfDay(from), end: nextBucket(startOfDay(to), 'DAY') };
  const communities = await server.db.community.findMany();
  const { data, errors } = await server.gql(
    'query($c: [String!]!, $m: [Metric!]!, $f: DateTime, $t: DateTime) { compare(communityCodes: $c, metrics: $m, from: $f, to: $t) { communityCode metric raw } }',
    { c: communities.map((c) => c.code), m: METRICS, f: from.toISOString(), t: to.toISOString() },
  );
  expect(errors).toBeUndefined();
  for (const community of communities) {
    const raw = await fromRawRows(community.id, period.start, period.end);
    for (const metric of METRICS) {
      const row = data!.compare.find(
        (r: { communityCode: string; metric: string }) => r.communityCode === community.code && r.metric === metric,
      );
      if (raw[metric] === null) expect(row.raw, `${community.code} ${metric}`).toBeNull();
      else expect(row.raw, `${community.code} ${metric}`).toBeCloseTo(raw[metric]!, 6);
    }
  }
});

it('rebuilds from raw rows exactly the rollups that the mutations kept up to date', async () => {
  const kangle = await server.db.community.findUniqueOrThrow({ where: { code: 'kangle' } });
  const ordered = { where: { communityId: kangle.id }, orderBy: [{ gridId: 'asc' as const }, { day: 'asc' as const }] };
  const strip = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({ ...r, hoursToCloseSum: Math.round((r.hoursToCloseSum as number) * 1e6) }));
  const incremental = strip(await server.db.gridDayRollup.findMany(ordered)).filter((r) =>
    Object.entries(r).some(([k, v]) => !['gridId', 'communityId', 'day'].includes(k) && v !== 0),
  );
  await rebuildCommunityRollups(server.db, kangle.id);
  expect(strip(await server.db.gridDayRollup.findMany(ordered))).toEqual(incremental);
});

it('counts every month of a series in one statement, each month as its own summary would', async () => {
  const kangle = await server.db.community.findUniqueOrThrow({ where: { code: 'kangle' } });
  const to = new Date();
  const from = new Date(to.getTime() - 150 * 86_400_000);
  const period = { start: startOfDay(from), end: nextBucket(startOfDay(to), 'DAY') };
  const months = bucketStarts(period.start, new Date(period.end.getTime() - 1), 'MONTH');
  const series = ['ON_TIME_RATE', 'CASES_DUE', 'OVERDUE_OPEN', 'REWORK_RATE', 'MEDIAN_HOURS_TO_CLOSE'];
  const { data, errors } = await server.gql(
    `query($f: DateTime!, $t: DateTime!) { ${series
      .map((m) => `${m}: timeSeries(metric: ${m}, bucket: MONTH, from: $f, to: $t, communityCode: "kangle") { value }`)
      .join(' ')} }`,
    { f: from.toISOString(), t: to.toISOString() },
  );
  expect(errors).toBeUndefined();
  expect(months.length).toBeGreaterThan(4);
  for (const [i, start] of months.entries()) {
    const end = i + 1 < months.length ? months[i + 1] : period.end;
    const raw = await fromRawRows(kangle.id, start < period.start ? period.start : start, end);
    for (const metric of series) {
      const { value } = data![metric][i];
      if (raw[metric] === null) expect(value, `${metric} ${localDay(start)}`).toBeNull();
      else expect(value, `${metric} ${localDay(start)}`).toBeCloseTo(raw[metric]!, 6);
    }
  }
});
