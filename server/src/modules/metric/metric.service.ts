import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { memberTotal } from '../../../../shared/metrics/party-members';
import { Prisma } from '../../../generated/sqlite/client';
import { answerOnce, type Changed } from '../../db/answers';
import { kindOf, type Database, type DatabaseKind } from '../../db/client';
import { millisBetween, timeValue } from '../../db/dialect';
import { groupBy } from '../../group-by';
import { MAX_IDS_PER_QUERY } from '../../db/limits';
import {
  COUNTERS,
  SUM_ALL_COUNTERS,
  zeroCounters,
  type Counter,
  type Counters,
} from '../../../../shared/metrics/rollups';
import { metricResult, type MetricResult, type ScopeFigures } from './metric-value';
import type { CaseCounts } from '../../../../shared/metrics/case-metrics';
import { periodKey, type Period } from '../../graphql/period';
import type { TimeBucket } from '../../../../shared/enums';
import { bucketStart, bucketStarts, nextBucket } from '../../../../shared/time/buckets';
import { noMemo, type Memo } from '../../loaders';

export type ScopeLevel = 'community' | 'grid';

export type StaticFigures = Pick<
  ScopeFigures,
  'population' | 'households' | 'floatingPopulation' | 'areaKm2' | 'partyMembers' | 'volunteers'
>;

/** A group of cases, not of places: it has no population, area or members of its own. */
export const NO_STATICS: StaticFigures = {
  population: null,
  households: null,
  floatingPopulation: null,
  areaKm2: null,
  partyMembers: null,
  volunteers: null,
};

/** The static figures of the places `ids`, or of every place (null). */
export async function staticFigures(
  db: Database,
  level: ScopeLevel,
  ids: number[] | null,
): Promise<Map<number, StaticFigures>> {
  const members = { residentMembers: true, inServiceMembers: true, retiredMembers: true, mobileMembers: true } as const;
  const among = ids && { in: ids };
  if (level === 'grid') {
    const [grids, party] = await Promise.all([
      db.grid.findMany({
        where: { id: among ?? {} },
        select: { id: true, population: true, households: true, areaKm2: true },
      }),
      db.partyOrganization.groupBy({ by: ['gridId'], where: { gridId: among ?? { not: null } }, _sum: members }),
    ]);
    const partyByGrid = new Map(party.map((row) => [row.gridId, memberTotal(row._sum)]));
    return new Map(
      grids.map((g) => [
        g.id,
        {
          population: g.population,
          households: g.households,
          floatingPopulation: null,
          areaKm2: g.areaKm2,
          partyMembers: partyByGrid.get(g.id) ?? 0,
          volunteers: null,
        },
      ]),
    );
  }
  const [communities, party, teams] = await Promise.all([
    db.community.findMany({
      where: { id: among ?? {} },
      select: {
        id: true,
        population: true,
        households: true,
        floatingPopulation: true,
        areaKm2: true,
        volunteers: true,
      },
    }),
    db.partyOrganization.groupBy({ by: ['communityId'], where: { communityId: among ?? {} }, _sum: members }),
    db.volunteerTeam.groupBy({ by: ['communityId'], where: { communityId: among ?? {} }, _sum: { members: true } }),
  ]);
  const partyByCommunity = new Map(party.map((row) => [row.communityId, memberTotal(row._sum)]));
  const teamsByCommunity = new Map(teams.map((row) => [row.communityId, row._sum.members ?? 0]));
  return new Map(
    communities.map((c) => [
      c.id,
      {
        population: c.population,
        households: c.households,
        floatingPopulation: c.floatingPopulation,
        areaKm2: c.areaKm2,
        partyMembers: partyByCommunity.get(c.id) ?? 0,
        volunteers: c.volunteers ?? teamsByCommunity.get(c.id) ?? 0,
      },
    ]),
  );
}

/** The columns of a case that figures can be grouped by. */
export type CaseColumn = 'communityId' | 'gridId' | 'category' | 'source' | 'status';
const PLACE_COLUMNS: readonly CaseColumn[] = ['communityId', 'gridId'];

/**
 * Which cases a set of figures counts, and how they are grouped: by case columns (none for
 * one total), within places, optionally narrowed by more than place (category, source …).
 */
export interface Grouping {
  by: readonly CaseColumn[];
  places: { communityId?: { in: number[] }; gridId?: { in: number[] } };
  /** Cases narrower than the places, for a period (overdue at its end, say): a condition on the case `c`. */
  cases?: (period: Period) => Prisma.Sql;
}

/** A group's key: its values of the grouping's columns, in order. */
export const groupKey = (by: readonly CaseColumn[], row: object) =>
  JSON.stringify(by.map((column) => (row as Record<string, unknown>)[column]));

/** Rollups answer a grouping by place alone; one narrowed by category, source or state needs case rows. */
export const rollupsAnswer = (grouping: Grouping) =>
  !grouping.cases && grouping.by.every((column) => PLACE_COLUMNS.includes(column));

/**
 * What can be counted of case rows: the published counts (立案, 应结案 …, the conditions of
 * caseCounts and isOverdueOpen in shared/metrics/case-metrics.ts), and the counters and 待办
 * that rollups keep, for groupings rollups cannot answer.
 */
type CaseFigure =
  | 'accepted'
  | 'notYetDue'
  | 'closed'
  | 'closedOnTime'
  | 'postponed'
  | 'reworked'
  | 'extended'
  | 'overdueOpen'
  | 'reported'
  | 'satisfactionSum'
  | 'satisfactionCount'
  | 'backlog';

const COHORT_FIGURES = [
  'accepted',
  'notYetDue',
  'closed',
  'closedOnTime',
  'postponed',
  'reworked',
  'extended',
  'overdueOpen',
] as const satisfies readonly CaseFigure[];

/** The counts each metric stands on: 应结案 is 立案 less those not yet due. */
const COUNTS_OF: Partial<Record<Metric, readonly CaseFigure[]>> = {
  CASES_ACCEPTED: ['accepted'],
  CASES_DUE: ['accepted', 'notYetDue'],
  CASES_CLOSED: ['closed'],
  CASES_CLOSED_ON_TIME: ['closedOnTime'],
  CASES_POSTPONED: ['postponed'],
  CLOSURE_RATE: ['closed', 'accepted', 'notYetDue', 'postponed'],
  ON_TIME_RATE: ['closedOnTime', 'accepted', 'notYetDue', 'postponed'],
  REWORK_RATE: ['reworked', 'closed'],
  EXTENSION_RATE: ['extended', 'accepted'],
  OVERDUE_OPEN: ['overdueOpen'],
  // 待办 over one period from case rows, in the same statement: rollups would sum every day before its end.
  BACKLOG: ['backlog'],
};

/** The same where rollups do not answer: their counters counted from case rows too. */
const COUNTS_WITHOUT_ROLLUPS: Partial<Record<Metric, readonly CaseFigure[]>> = {
  CASES_REPORTED: ['reported'],
  SATISFACTION: ['satisfactionSum', 'satisfactionCount'],
};

/** The start and end of the period `p` a row is counted in (periodsSql). */
const [START, END] = [Prisma.raw('p.s'), Prisma.raw('p.e')];

/** Each figure's condition on a case `c` for the period `p`, and the column it sums (else it counts). */
function caseFigureSql(start = START, end = END): Record<CaseFigure, { condition: Prisma.Sql; sum?: string }> {
  const acceptedIn = Prisma.sql`c."acceptedAt" >= ${start} AND c."acceptedAt" < ${end}`;
  const openAtEnd = Prisma.sql`(c."closedAt" IS NULL OR c."closedAt" >= ${end})`;
  const closedBy = Prisma.sql`${acceptedIn} AND c."closedAt" < ${end}`;
  const rated = Prisma.sql`${within('closedAt', start, end)} AND c.satisfaction IS NOT NULL`;
  return {
    accepted: { condition: acceptedIn },
    notYetDue: { condition: Prisma.sql`${acceptedIn} AND ${openAtEnd} AND c.deadline >= ${end}` },
    closed: { condition: closedBy },
    closedOnTime: { condition: Prisma.sql`${closedBy} AND c."closedAt" <= c.deadline` },
    postponed: {
      condition: Prisma.sql`${acceptedIn} AND ${openAtEnd} AND c.deadline < ${end} AND c."postponedAt" < ${end}`,
    },
    reworked: { condition: Prisma.sql`${closedBy} AND c.reworks > 0` },
    extended: { condition: Prisma.sql`${acceptedIn} AND c."extendedAt" < ${end}` },
    overdueOpen: { condition: Prisma.sql`c."acceptedAt" < ${end} AND ${openAtEnd} AND c.deadline < ${end}` },
    reported: { condition: within('reportedAt', start, end) },
    satisfactionSum: { condition: rated, sum: 'c.satisfaction' },
    satisfactionCount: { condition: rated },
    backlog: {
      condition: Prisma.sql`c."reportedAt" < ${end} AND ${openAtEnd} AND (c."rejectedAt" IS NULL OR c."rejectedAt" >= ${end})`,
    },
  };
}

/** The rows of a grouping's places (cases `c`, rollups `r`), as a condition. */
function placesSql(places: Grouping['places'], alias = 'c'): Prisma.Sql {
  const conditions = Object.entries(places).map(
    ([column, { in: ids }]) => Prisma.sql`${Prisma.raw(`${alias}."${column}"`)} IN (${Prisma.join(ids)})`,
  );
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`1 = 1`;
}

const noPlaces = (places: Grouping['places']) => Object.values(places).some((place) => place.in.length === 0);
const columnsSql = (by: readonly CaseColumn[], alias = 'c') =>
  Prisma.raw(by.map((column) => `${alias}."${column}"`).join(', '));
/** The earliest start and latest end of some periods, in any order. */
const spanOf = (periods: Period[]): Period => ({
  start: new Date(Math.min(...periods.map((p) => p.start.getTime()))),
  endExclusive: new Date(Math.max(...periods.map((p) => p.endExclusive.getTime()))),
});
/** The statements of a grouping over periods (and the index of each one's first): all together, or one a period when the narrowing depends on it. */
function batchesOf(grouping: Grouping, periods: Period[]): { batch: Period[]; first: number }[] {
  return grouping.cases ? periods.map((period, first) => ({ batch: [period], first })) : [{ batch: periods, first: 0 }];
}
const narrowing = (grouping: Grouping, batch: Period[]) =>
  grouping.cases ? Prisma.sql` AND ${grouping.cases(batch[0])}` : Prisma.empty;

/**
 * The periods of a statement as a table `p` (i, s, e): joined to the rows, each row is
 * counted once in every period it belongs to, and each figure's condition is written once.
 */
function periodsSql(kind: DatabaseKind, periods: Period[]): Prisma.Sql {
  const rows = periods.map(
    (period, i) =>
      Prisma.sql`(${Prisma.raw(String(i))}, ${timeValue(kind, period.start)}, ${timeValue(kind, period.endExclusive)})`,
  );
  return Prisma.sql`WITH p (i, s, e) AS (VALUES ${Prisma.join(rows)})`;
}

/** The rollup counters each metric reads. */
const COUNTERS_OF: Partial<Record<Metric, readonly Counter[]>> = {
  CASES_REPORTED: ['casesReported'],
  SATISFACTION: ['satisfactionSum', 'satisfactionCount'],
  VOLUNTEER_HOURS: ['volunteerHours'],
};

/** The counters of every group of a grouping by place over each period, summed from the day rollups in one statement. */
async function rollupSums(
  db: Database,
  grouping: Grouping,
  counters: readonly Counter[],
  periods: Period[],
): Promise<Map<string, Counters>[]> {
  const summed = periods.map(() => new Map<string, Counters>());
  if (counters.length === 0 || noPlaces(grouping.places)) return summed;
  const kind = kindOf(db);
  const { start, endExclusive } = spanOf(periods);
  const where = Prisma.sql`WHERE ${placesSql(grouping.places, 'r')}
    AND r.day >= ${timeValue(kind, start)} AND r.day < ${timeValue(kind, endExclusive)}`;
  const sum = (counter: Counter, alias: string, inPeriod?: Prisma.Sql) =>
    Prisma.sql`COALESCE(SUM(${Prisma.raw(`r."${counter}"`)})${inPeriod ? Prisma.sql` FILTER (WHERE ${inPeriod})` : Prisma.empty}, 0) AS ${Prisma.raw(`"${alias}"`)}`;
  const columns = grouping.by.length ? [columnsSql(grouping.by, 'r')] : [];
  // Consecutive buckets: each day joined to its bucket; a few periods: a sum per counter and period.
  const statement: Statement<Counter> = areBuckets(periods)
    ? {
        sql: Prisma.sql`${periodsSql(kind, periods)} SELECT ${Prisma.join([...columns, Prisma.raw('p.i'), ...counters.map((c) => sum(c, c))])}
          FROM "GridDayRollup" r JOIN p ON ${inPeriodsSql(kind, 'r.day', periods)} ${where}
          GROUP BY ${Prisma.join([...columns, Prisma.raw('p.i')])}`,
        periodsOf: (row) => [[Number(row.i), counters.map((c) => [c, Number(row[c])])]],
      }
    : {
        sql: Prisma.sql`SELECT ${Prisma.join([
          ...columns,
          ...periods.flatMap((period, i) =>
            counters.map((c) =>
              sum(
                c,
                `${c}_${i}`,
                Prisma.sql`r.day >= ${timeValue(kind, period.start)} AND r.day < ${timeValue(kind, period.endExclusive)}`,
              ),
            ),
          ),
        ])} FROM "GridDayRollup" r ${where}${columns.length ? Prisma.sql` GROUP BY ${columns[0]}` : Prisma.empty}`,
        periodsOf: (row) => periods.map((_, i) => [i, counters.map((c) => [c, Number(row[`${c}_${i}`])])]),
      };
  for (const row of await db.$queryRaw<Record<string, unknown>[]>(statement.sql))
    for (const [i, values] of statement.periodsOf(row))
      summed[i].set(groupKey(grouping.by, row), { ...zeroCounters(), ...Object.fromEntries(values) });
  return summed;
}

/**
 * What puts a case in a period for a figure: the day it was accepted (the published counts of
 * the cases accepted in the period), reported or closed (rated), each a case in one period at
 * most; or its state at the period's end (待办, 超期未结), a case in every period it stays open.
 */
type Membership = 'acceptedAt' | 'reportedAt' | 'closedAt' | 'state';
const MEMBERSHIP_OF: Record<CaseFigure, Membership> = {
  accepted: 'acceptedAt',
  notYetDue: 'acceptedAt',
  closed: 'acceptedAt',
  closedOnTime: 'acceptedAt',
  postponed: 'acceptedAt',
  reworked: 'acceptedAt',
  extended: 'acceptedAt',
  reported: 'reportedAt',
  satisfactionSum: 'closedAt',
  satisfactionCount: 'closedAt',
  overdueOpen: 'state',
  backlog: 'state',
};

/**
 * A condition every case that a figure counts in a period (`p`, or a span of periods) meets:
 * what joins the cases to the periods they count in, and keeps the others unread.
 */
function spanSql(figure: CaseFigure, start = START, end = END): Prisma.Sql {
  const membership = MEMBERSHIP_OF[figure];
  if (membership !== 'state') return within(membership, start, end);
  const notClosedBefore = Prisma.sql`(c."closedAt" IS NULL OR c."closedAt" >= ${start})`;
  if (figure === 'backlog')
    return Prisma.sql`c."reportedAt" < ${end} AND ${notClosedBefore} AND (c."rejectedAt" IS NULL OR c."rejectedAt" >= ${start})`;
  return Prisma.sql`c."acceptedAt" < ${end} AND ${notClosedBefore} AND c.deadline < ${end}`;
}

/** A case's timestamp `column` in a period (`p`, or a span of periods). */
const within = (column: Exclude<Membership, 'state'>, start = START, end = END) =>
  Prisma.sql`c.${Prisma.raw(`"${column}"`)} >= ${start} AND c.${Prisma.raw(`"${column}"`)} < ${end}`;

/**
 * Joins rows to the periods `p` their timestamp `column` falls in. Consecutive buckets take a
 * row's one bucket by a CASE over their ends, an equality the database joins by hash; other
 * periods (a summary's, which may overlap) join by range.
 */
function inPeriodsSql(kind: DatabaseKind, column: string, periods: Period[]): Prisma.Sql {
  const at = Prisma.raw(column);
  if (!areBuckets(periods)) return Prisma.sql`${at} >= p.s AND ${at} < p.e`;
  const bucket = periods
    .slice(0, -1)
    .map((period, i) => Prisma.sql`WHEN ${at} < ${timeValue(kind, period.endExclusive)} THEN ${Prisma.raw(String(i))}`);
  return Prisma.sql`p.i = CASE ${Prisma.join(bucket, ' ')} ELSE ${Prisma.raw(String(periods.length - 1))} END`;
}

/** Periods that are consecutive buckets, enough of them that joining each case to its one bucket pays. */
const areBuckets = (periods: Period[]) =>
  periods.length >= 4 &&
  periods.every((p, i) => i === 0 || p.start.getTime() === periods[i - 1].endExclusive.getTime());

/** A figure's aggregate: a count or sum of the cases `c` meeting its condition. */
function aggregateSql(figure: CaseFigure, alias: string, start?: Prisma.Sql, end?: Prisma.Sql): Prisma.Sql {
  const { condition, sum } = caseFigureSql(start, end)[figure];
  const filtered = Prisma.sql`${Prisma.raw(sum ? `SUM(${sum})` : 'COUNT(*)')} FILTER (WHERE ${condition})`;
  return Prisma.sql`CAST(COALESCE(${filtered}, 0) AS INTEGER) AS ${Prisma.raw(`"${alias}"`)}`;
}

/** A statement over several periods: its SQL, and the values of each period it counts in a row. */
interface Statement<K extends string> {
  sql: Prisma.Sql;
  periodsOf: (row: Record<string, unknown>) => [number, [K, number][]][];
}

/**
 * A few periods (a summary's, which may overlap) in one statement: an aggregate per figure
 * and period, over the cases any of them counts.
 */
function periodsStatement(
  kind: DatabaseKind,
  grouping: Grouping,
  figures: readonly CaseFigure[],
  batch: Period[],
  first: number,
): Statement<CaseFigure> {
  const aggregates = batch.flatMap((period, i) =>
    figures.map((figure) =>
      aggregateSql(figure, `${figure}_${i}`, timeValue(kind, period.start), timeValue(kind, period.endExclusive)),
    ),
  );
  const columns = grouping.by.length ? [columnsSql(grouping.by)] : [];
  const grouped = grouping.by.length ? Prisma.sql` GROUP BY ${columnsSql(grouping.by)}` : Prisma.empty;
  return {
    sql: Prisma.sql`SELECT ${Prisma.join([...columns, ...aggregates])} FROM "Case" c
      WHERE ${placesSql(grouping.places)}${narrowing(grouping, batch)} AND (${unreadSql(kind, figures, batch)})${grouped}`,
    periodsOf: (row) => batch.map((_, i) => [first + i, figures.map((f) => [f, Number(row[`${f}_${i}`])])]),
  };
}

/**
 * Consecutive buckets, a statement per membership: each case joined to the buckets it counts in
 * (its one bucket by a CASE over their ends, joined by hash; for states, every bucket it stays
 * open at the end of), an aggregate per figure.
 */
function bucketsStatement(
  kind: DatabaseKind,
  grouping: Grouping,
  membership: Membership,
  figures: readonly CaseFigure[],
  buckets: Period[],
): Statement<CaseFigure> {
  const joined =
    membership === 'state'
      ? Prisma.join(
          figures.map((figure) => Prisma.sql`(${spanSql(figure)})`),
          ' OR ',
        )
      : inPeriodsSql(kind, `c."${membership}"`, buckets);
  const columns = grouping.by.length ? Prisma.sql`${columnsSql(grouping.by)}, ` : Prisma.empty;
  return {
    sql: Prisma.sql`${periodsSql(kind, buckets)}
      SELECT ${columns}p.i, ${Prisma.join(figures.map((figure) => aggregateSql(figure, figure)))}
      FROM "Case" c JOIN p ON ${joined}
      WHERE ${placesSql(grouping.places)} AND (${unreadSql(kind, figures, buckets)})
      GROUP BY ${columns}p.i`,
    periodsOf: (row) => [[Number(row.i), figures.map((f) => [f, Number(row[f])])]],
  };
}

/** What keeps the cases no figure counts in any of the periods unread. */
function unreadSql(kind: DatabaseKind, figures: readonly CaseFigure[], periods: Period[]): Prisma.Sql {
  const { start, endExclusive } = spanOf(periods);
  const spans = [...new Map(figures.map((f) => [MEMBERSHIP_OF[f] === 'state' ? f : MEMBERSHIP_OF[f], f])).values()];
  return Prisma.join(
    spans.map((f) => Prisma.sql`(${spanSql(f, timeValue(kind, start), timeValue(kind, endExclusive))})`),
    ' OR ',
  );
}

/**
 * The figures of every group of a grouping over each period (in order, as buckets are),
 * counted by the database with an aggregate FILTER per figure: a summary's few periods in one
 * statement, consecutive buckets in a statement per membership. A narrowing that depends on
 * the period (overdue at its end) takes a statement per period.
 */
async function countCases(
  db: Database,
  grouping: Grouping,
  figures: readonly CaseFigure[],
  periods: Period[],
): Promise<Map<string, Record<CaseFigure, number>>[]> {
  const counted = periods.map(() => new Map<string, Record<CaseFigure, number>>());
  if (figures.length === 0 || noPlaces(grouping.places)) return counted;
  const kind = kindOf(db);
  const statements =
    areBuckets(periods) && !grouping.cases
      ? [...groupBy(figures, (figure) => MEMBERSHIP_OF[figure])].map(([membership, of]) =>
          bucketsStatement(kind, grouping, membership, of, periods),
        )
      : batchesOf(grouping, periods).map(({ batch, first }) => periodsStatement(kind, grouping, figures, batch, first));
  await Promise.all(
    statements.map(async ({ sql, periodsOf }) => {
      for (const row of await db.$queryRaw<Record<string, unknown>[]>(sql))
        for (const [i, values] of periodsOf(row)) {
          // A group is one of a period's when it has something to count in it.
          if (values.every(([, value]) => value === 0)) continue;
          const key = groupKey(grouping.by, row);
          counted[i].set(key, { ...counted[i].get(key), ...Object.fromEntries(values) } as Record<CaseFigure, number>);
        }
    }),
  );
  return counted;
}

/** Hours from report to close of the cases closed in each period, per group, in one statement. */
async function hoursToClose(db: Database, grouping: Grouping, periods: Period[]): Promise<Map<string, number[]>[]> {
  const hours = periods.map(() => new Map<string, number[]>());
  if (noPlaces(grouping.places)) return hours;
  const kind = kindOf(db);
  const columns = grouping.by.length ? Prisma.sql`${columnsSql(grouping.by)}, ` : Prisma.empty;
  for (const { batch, first } of batchesOf(grouping, periods)) {
    const { start, endExclusive } = spanOf(batch);
    const rows = await db.$queryRaw<Record<string, unknown>[]>`${periodsSql(kind, batch)}
      SELECT ${columns}p.i, ${millisBetween(kind, 'c."reportedAt"', 'c."closedAt"')} AS millis
      FROM "Case" c JOIN p ON ${inPeriodsSql(kind, 'c."closedAt"', batch)}
      WHERE ${placesSql(grouping.places)}${narrowing(grouping, batch)}
      AND ${within('closedAt', timeValue(kind, start), timeValue(kind, endExclusive))}`;
    for (const row of rows) {
      const period = hours[first + Number(row.i)];
      const key = groupKey(grouping.by, row);
      (period.get(key) ?? period.set(key, []).get(key)!).push(Number(row.millis) / 3_600_000);
    }
  }
  return hours;
}

export interface Cohort {
  cases: CaseCounts;
  overdueOpen: number;
}

/** The published counts of a group from its counted figures (those not counted are 0). */
function cohortOf(counted: Partial<Record<CaseFigure, number>> | undefined): Cohort {
  const count = (figure: CaseFigure) => counted?.[figure] ?? 0;
  return {
    cases: {
      accepted: count('accepted'),
      due: count('accepted') - count('notYetDue'),
      closed: count('closed'),
      closedOnTime: count('closedOnTime'),
      postponed: count('postponed'),
      reworked: count('reworked'),
      extended: count('extended'),
    },
    overdueOpen: count('overdueOpen'),
  };
}

export const NO_COHORT: Cohort = cohortOf(undefined);

/** The figures of a grouping that come from cases and volunteer logs (every figure but the static ones). */
export type CaseFigures = Omit<ScopeFigures, keyof StaticFigures>;

const NO_CASE_FIGURES: CaseFigures = { counters: zeroCounters(), backlog: 0, hoursToClose: [], ...NO_COHORT };

/**
 * The one place figures are read for metrics: the case and volunteer figures of every group
 * of a grouping over a period, reading only the sources the metrics need (rollups where they
 * answer, grouped counts of case rows where they do not). The map, summaries, compare,
 * rankings, the wall and `stats` all come here.
 */
export async function groupedFigures(
  db: Database,
  grouping: Grouping,
  metrics: readonly Metric[],
  period: Period,
  bucket: TimeBucket | null = null,
  once: Memo = noMemo,
): Promise<Map<string, CaseFigures>> {
  if (!bucket) return (await figuresOver(db, grouping, metrics, [period]))[0];
  const starts = bucketStarts(period.start, new Date(period.endExclusive.getTime() - 1), bucket);
  // One total over time (a chart's series): each source read once for every bucket.
  if (grouping.by.length === 0 && rollupsAnswer(grouping))
    return seriesFigures(db, grouping.places, metrics, period, bucket, starts, once);
  // Groups over time: each source read for every bucket at once.
  const perBucket = await figuresOver(
    db,
    grouping,
    metrics,
    starts.map((start) => bucketPeriod(start, bucket, period)),
  );
  return new Map(
    perBucket.flatMap((figures, i) => [...figures].map(([key, f]) => [inBucket(key, starts[i]), f] as const)),
  );
}

/** The part of a bucket inside the period: the first and last buckets may be cut. */
export function bucketPeriod(start: Date, bucket: TimeBucket, period: Period): Period {
  const end = nextBucket(start, bucket);
  return {
    start: start < period.start ? period.start : start,
    endExclusive: end < period.endExclusive ? end : period.endExclusive,
  };
}

/** The key of a group in one bucket: its columns' values, then the bucket's start. */
export const inBucket = (key: string, start: Date) => JSON.stringify([...JSON.parse(key), start.getTime()]);

/**
 * One total per bucket: day rollups read once for the whole period, the cases counted for
 * every bucket in one statement (and each once per request, through `once`, for the several
 * series of one chart).
 */
async function seriesFigures(
  db: Database,
  places: Grouping['places'],
  metrics: readonly Metric[],
  period: Period,
  bucket: TimeBucket,
  starts: Date[],
  once: Memo,
): Promise<Map<string, CaseFigures>> {
  const sources = new Set(metrics.map((m) => METRIC_DEFINITIONS[m].source));
  const key = `${JSON.stringify(places)}:${periodKey(period)}:${bucket}`;
  const inPeriod = { gte: period.start, lt: period.endExclusive };
  const buckets = starts.map((start) => bucketPeriod(start, bucket, period));
  const total: Grouping = { by: [], places };
  // 待办 of a series comes from rollups, added up day by day.
  const memberships = new Set(
    metrics.flatMap((m) => COUNTS_OF[m] ?? []).flatMap((f) => (f === 'backlog' ? [] : [MEMBERSHIP_OF[f]])),
  );
  const [days, before, counted, closed] = await Promise.all([
    sources.has('rollup')
      ? once(`rollup-days:${key}`, () =>
          db.gridDayRollup.groupBy({ by: ['day'], where: { ...places, day: inPeriod }, _sum: SUM_ALL_COUNTERS }),
        )
      : [],
    metrics.includes('BACKLOG')
      ? once(`rollup-before:${key}`, () =>
          db.gridDayRollup.aggregate({
            where: { ...places, day: { lt: period.start } },
            _sum: { casesReported: true, casesClosed: true, casesRejected: true },
          }),
        )
      : null,
    // Every published count of a membership at once, shared by the several series of one chart.
    Promise.all(
      [...memberships].map((membership) =>
        once(`cases:${key}:${membership}`, () =>
          countCases(
            db,
            total,
            COHORT_FIGURES.filter((f) => MEMBERSHIP_OF[f] === membership),
            buckets,
          ),
        ),
      ),
    ),
    sources.has('raw') ? once(`closed:${key}`, () => hoursToClose(db, total, buckets)) : [],
  ]);
  const counters = new Map(starts.map((s) => [s.getTime(), zeroCounters()]));
  for (const day of days) {
    const target = counters.get(bucketStart(day.day, bucket).getTime())!;
    for (const c of COUNTERS) target[c] += day._sum[c] ?? 0;
  }
  let backlog = before
    ? (before._sum.casesReported ?? 0) - (before._sum.casesClosed ?? 0) - (before._sum.casesRejected ?? 0)
    : 0;
  return new Map(
    starts.map((start, i) => {
      const sums = counters.get(start.getTime())!;
      backlog += sums.casesReported - sums.casesClosed - sums.casesRejected;
      const figures: CaseFigures = {
        counters: sums,
        backlog,
        hoursToClose: closed[i]?.get('[]') ?? [],
        ...cohortOf(Object.assign({}, ...counted.map((byMembership) => byMembership[i].get('[]')))),
      };
      return [inBucket('[]', start), figures];
    }),
  );
}

/** The figures of every group over each period, in order: rollups where they answer, else case rows. */
async function figuresOver(
  db: Database,
  grouping: Grouping,
  metrics: readonly Metric[],
  periods: Period[],
): Promise<Map<string, CaseFigures>[]> {
  const sources = new Set(metrics.map((m) => METRIC_DEFINITIONS[m].source));
  const rolled = rollupsAnswer(grouping);
  const counters = rolled ? [...new Set(metrics.flatMap((m) => COUNTERS_OF[m] ?? []))] : [];
  const figures = [
    ...new Set(metrics.flatMap((m) => [...(COUNTS_OF[m] ?? []), ...((!rolled && COUNTS_WITHOUT_ROLLUPS[m]) || [])])),
  ];
  const none = <T>() => periods.map(() => new Map<string, T>());
  const [sums, hours, counted] = await Promise.all([
    rollupSums(db, grouping, counters, periods),
    sources.has('raw') ? hoursToClose(db, grouping, periods) : none<number[]>(),
    countCases(db, grouping, figures, periods),
  ]);
  return periods.map((_, i) => {
    const keys = new Set([...sums[i].keys(), ...hours[i].keys(), ...counted[i].keys()]);
    return new Map(
      [...keys].map((key) => {
        const cases = counted[i].get(key);
        const figures: CaseFigures = {
          counters: rolled
            ? (sums[i].get(key) ?? zeroCounters())
            : {
                ...zeroCounters(),
                casesReported: cases?.reported ?? 0,
                satisfactionSum: cases?.satisfactionSum ?? 0,
                satisfactionCount: cases?.satisfactionCount ?? 0,
              },
          backlog: cases?.backlog ?? 0,
          hoursToClose: hours[i].get(key) ?? [],
          ...cohortOf(cases),
        };
        return [key, figures];
      }),
    );
  });
}

/**
 * The figures of many communities or grids over each period. Past one statement's worth of
 * ids, every place is read grouped and the asked ones kept: one statement, not one per chunk.
 */
async function loadFigures(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  periods: Period[],
): Promise<Map<number, ScopeFigures>[]> {
  const column = level === 'grid' ? 'gridId' : 'communityId';
  const everyPlace = ids.length > MAX_IDS_PER_QUERY;
  const grouping: Grouping = { by: [column], places: everyPlace ? {} : { [column]: { in: ids } } };
  const [statics, fromCases] = await Promise.all([
    staticFigures(db, level, everyPlace ? null : ids),
    figuresOver(db, grouping, metrics, periods),
  ]);
  return fromCases.map(
    (figures) =>
      new Map(
        ids.flatMap((id) => {
          const base = statics.get(id);
          return base ? [[id, { ...base, ...(figures.get(JSON.stringify([id])) ?? NO_CASE_FIGURES) }] as const] : [];
        }),
      ),
  );
}

/** The same places and metrics in any order ask the same question. */
const inOrder = (metrics: readonly Metric[]) => [...new Set(metrics)].sort();
const question = (level: ScopeLevel, ids: number[], metrics: Metric[], periods: Period[]) => [
  level,
  [...ids].sort((a, b) => a - b),
  metrics,
  periods.map(periodKey),
];

/** What answers of `metrics` are computed from: stated figures come with places, by import only. */
export const computedFrom = (metrics: readonly Metric[]): Changed =>
  metrics.every((metric) => METRIC_DEFINITIONS[metric].source === 'static') ? 'places' : 'activity';

/**
 * The requested metrics for many communities or grids at once: a fixed number of
 * queries whatever the number of scopes, and none while the answer is kept.
 */
export async function computeMetrics(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<number, Map<Metric, MetricResult>>> {
  const asked = inOrder(metrics);
  const results = await answerOnce(
    db,
    ['metrics', ...question(level, ids, asked, [period])],
    async () => {
      const [figures] = await loadFigures(db, level, ids, asked, [period]);
      return [...figures].map(([id, f]) => [id, asked.map((m) => metricResult(m, f))] as const);
    },
    computedFrom(asked),
  );
  return new Map(results.map(([id, values]) => [id, new Map(asked.map((m, i) => [m, values[i]]))]));
}

const addNullable = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** Figures of several scopes taken together: counts add up, rates are recomputed from the summed counts. */
export function mergeFigures(all: ScopeFigures[]): ScopeFigures {
  return all.reduce(
    (total, f) => ({
      population: addNullable(total.population, f.population),
      households: addNullable(total.households, f.households),
      floatingPopulation: addNullable(total.floatingPopulation, f.floatingPopulation),
      areaKm2: addNullable(total.areaKm2, f.areaKm2),
      partyMembers: addNullable(total.partyMembers, f.partyMembers),
      volunteers: addNullable(total.volunteers, f.volunteers),
      counters: Object.fromEntries(COUNTERS.map((c) => [c, total.counters[c] + f.counters[c]])) as Counters,
      backlog: total.backlog + f.backlog,
      hoursToClose: [...total.hoursToClose, ...f.hoursToClose],
      cases: Object.fromEntries(
        Object.entries(total.cases).map(([k, v]) => [k, v + f.cases[k as keyof CaseCounts]]),
      ) as unknown as CaseCounts,
      overdueOpen: total.overdueOpen + f.overdueOpen,
    }),
    { ...NO_STATICS, ...NO_CASE_FIGURES },
  );
}

/** The metrics of several communities (or grids) taken as one scope, over each period. */
export async function computeTotals(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  periods: Period[],
): Promise<Map<Metric, MetricResult>[]> {
  const asked = inOrder(metrics);
  const results = await answerOnce(
    db,
    ['totals', ...question(level, ids, asked, periods)],
    async () =>
      (await loadFigures(db, level, ids, asked, periods)).map((figures) => {
        const merged = mergeFigures([...figures.values()]);
        return asked.map((m) => metricResult(m, merged));
      }),
    computedFrom(asked),
  );
  return results.map((values) => new Map(asked.map((m, i) => [m, values[i]])));
}

/**
 * The metrics of groups of communities (a sub-district's), each group taken as one scope: its
 * communities' counts added up and its rates computed from them, as the overview's totals are.
 */
export async function computeGroupMetrics(
  db: Database,
  groups: Map<number, number[]>,
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<number, Map<Metric, MetricResult>>> {
  const asked = inOrder(metrics);
  const members = [...groups].sort(([a], [b]) => a - b).map(([id, ids]) => [id, [...ids].sort((a, b) => a - b)]);
  const results = await answerOnce(
    db,
    ['groupMetrics', members, asked, periodKey(period)],
    async () => {
      const [figures] = await loadFigures(db, 'community', [...groups.values()].flat(), asked, [period]);
      return [...groups].map(([id, ids]) => {
        const merged = mergeFigures(ids.flatMap((member) => figures.get(member) ?? []));
        return [id, asked.map((m) => metricResult(m, merged))] as const;
      });
    },
    computedFrom(asked),
  );
  return new Map(results.map(([id, values]) => [id, new Map(asked.map((m, i) => [m, values[i]]))]));
}
