import { KPI_METRICS } from '../../client/src/app/queries';
import type pg from 'pg';
import { earlierPeriod, periodKey, periodOf, type Period } from '../../server/src/graphql/period';
import { bucketPeriod } from '../../server/src/modules/metric/metric.service';
import { OPEN_STATUSES } from '../../shared/case/workflow';
import { CASE_CATEGORIES } from '../../shared/enums';
import { METRIC_DEFINITIONS, MIN_CASES_FOR_RATE, type Metric } from '../../shared/metrics/definitions';
import { DEFAULT_GRADE_BANDS, GRADES } from '../../shared/metrics/grades';
import { bucketStarts, timeZone } from '../../shared/time/buckets';

/** The places and period the city benchmark asks about. */
export interface Places {
  /** The busiest community and its busiest grid (codes and ids). */
  community: string;
  communityId: number;
  grid: string;
  gridId: number;
  /** Five community codes, the busiest first. */
  compared: string[];
  /** The dashboard's default period (the last 12 months, periodRange('year')). */
  from: Date;
  to: Date;
}

/** The operation's own variables (codes, metrics, from/to as ISO strings), and the places resolved to ids. */
export type RawQuery = (client: pg.Pool, variables: Record<string, unknown>, places: Places) => Promise<unknown>;

type Variables = Record<string, unknown>;

/*
 * Each function answers its operation's variables with the `data` GraphQL gives, from the rows as they
 * are, in one statement (the wall: two, sent together). Timestamp columns hold UTC; bounds are passed as
 * ISO strings, which a timestamp parameter reads as UTC wall-clock time. Periods and month buckets are
 * the API's own local days (server/src/graphql/period.ts, shared/time/buckets.ts: arithmetic of the
 * arguments, not of data). Constants the server takes from code or configuration (categories, open
 * statuses, grade bands, units, the time zone) are passed as parameters.
 */

/** The stored bounds of the period the API counts for `from`–`to`. */
function periodOfVariables(variables: Variables): Period {
  return periodOf(new Date(variables.from as string), new Date(variables.to as string));
}
const bounds = (period: Period) => [period.start.toISOString(), period.endExclusive.toISOString()];

/** Each query computes a fixed set of metrics, as a hand-written one does: others are refused, not answered short. */
function computes(asked: unknown, computed: readonly Metric[]): Metric[] {
  const metrics = (Array.isArray(asked) ? asked : [asked]) as Metric[];
  const other = metrics.filter((metric) => !computed.includes(metric));
  if (other.length) throw new Error(`This SQL computes ${computed.join(', ')}, not ${other.join(', ')}`);
  return metrics;
}

/** A timestamp column (UTC) as wall-clock time in the zone `$1`. */
const local = (utc: string) => `(${utc} AT TIME ZONE 'UTC' AT TIME ZONE $1)`;

/**
 * The counts of 结案率 and 按期结案率 (shared/metrics/case-metrics.ts) of the cases `k` that meet
 * `accepted` (accepted in the period), as they stood at `end`. Their denominator, 应结案 − 缓办, is
 * every one closed by `end`, or past its deadline then and not postponed by then.
 */
function cohortCounts(end: string, accepted = 'TRUE', suffix = '') {
  const count = (condition: string) => `COUNT(*) FILTER (WHERE ${accepted} AND ${condition})::int`;
  return `${count(`k."closedAt" < ${end}`)} AS "closed${suffix}",
    ${count(`k."closedAt" < ${end} AND k."closedAt" <= k.deadline`)} AS "closedOnTime${suffix}",
    ${count(`(k."closedAt" < ${end} OR (k.deadline < ${end} AND (k."postponedAt" IS NULL OR k."postponedAt" >= ${end})))`)} AS "settled${suffix}"`;
}

/** A rate, null on fewer than MIN_CASES_FOR_RATE cases (shared/metrics/rates.ts). */
const rate = (numerator: string, denominator: string) =>
  `CASE WHEN ${denominator} >= ${MIN_CASES_FOR_RATE} THEN ${numerator}::float8 / ${denominator} END`;
const tooFewCases = (denominator: string) => `COALESCE(${denominator}, 0) < ${MIN_CASES_FOR_RATE}`;

/** 待办 at the end of a period: the rollups' reported less closed and rejected, summed over the days before it. */
const OPEN_DELTA = 'r."casesReported" - r."casesClosed" - r."casesRejected"';
/**
 * Party members of organisations `o` (memberTotal). A grid's organisations are found through their
 * community, which is indexed: an organisation of a grid is one of the grid's community.
 */
const PARTY_MEMBERS = 'o."residentMembers" + o."inServiceMembers" + o."retiredMembers" + o."mobileMembers"';
const perThousand = (value: string, population: string) => `${value}::float8 * 1000 / NULLIF(${population}, 0)`;

/** Provenance of a figure counted from records: GENERATED when all of them are (shared/metrics/provenance.ts). */
const recordsProvenance = (allGenerated: string, someGenerated: string) =>
  `json_build_object('kind', CASE WHEN ${allGenerated} THEN 'GENERATED' ELSE 'COMPUTED' END, 'source', NULL,
    'asOf', NULL, 'qualifier', NULL, 'restsOnGenerated', COALESCE(${someGenerated}, false))`;

/** Where a figure of a place's row (`place`: ord, code …) comes from: its imported file first (FigureSource). */
const IMPORTED = {
  source: `concat_ws(', ', NULLIF(s.file, ''), NULLIF(s.sheet, ''), 'row ' || NULLIF(s.row, 0))`,
  asOf: `to_char(${local('s."asOf"')}, 'YYYY-MM-DD')`,
};
const figureSources = (fields: string) =>
  `place p CROSS JOIN unnest(${fields}::text[]) AS f(field)
    LEFT JOIN "FigureSource" s ON s."placeCode" = p.code AND s.field = f.field`;
/** Trust is the index in combineProvenance's order, least trusted first: GENERATED, IMPORTED, COMPUTED, STATED. */
const TRUST = `ARRAY['GENERATED', 'IMPORTED', 'COMPUTED', 'STATED']`;

/** The parts of a community's figures: imported, named in generatedFields, or stated by its source. */
const communityParts = (fields: string) => `part AS (
  SELECT p.code, p.ord, f.field,
    CASE WHEN s.id IS NOT NULL THEN 1 WHEN p."generatedFields" ? f.field THEN 0 ELSE 3 END AS trust,
    CASE WHEN s.id IS NOT NULL THEN ${IMPORTED.source} WHEN NOT p."generatedFields" ? f.field THEN p.source END AS source,
    CASE WHEN s.id IS NOT NULL THEN ${IMPORTED.asOf}
      WHEN NOT p."generatedFields" ? f.field THEN substring(p.source FROM '\\y(\\d{4}-\\d{2}-\\d{2})\\)\\s*$') END AS "asOf",
    s.id IS NULL AND NOT p."generatedFields" ? f.field AND f.field = 'population' AND p."populationAtLeast" AS "atLeast"
  FROM ${figureSources(fields)})`;

/** The parts of a grid's figures: imported, else generated or imported with its boundary. */
const gridParts = (fields: string) => `part AS (
  SELECT p.code, p.ord, f.field, CASE WHEN s.id IS NULL AND p.generated THEN 0 ELSE 1 END AS trust,
    CASE WHEN s.id IS NOT NULL THEN ${IMPORTED.source} END AS source,
    CASE WHEN s.id IS NOT NULL THEN ${IMPORTED.asOf} END AS "asOf", false AS "atLeast"
  FROM ${figureSources(fields)})`;

/**
 * combineProvenance of the parts of each `key` (field or place), as CTEs ending in `provenance`: the
 * least trusted kind, the sources of that kind in the order met (or how many, past three), the oldest date.
 */
const combined = (key: string) => `
least AS (SELECT ${key}, min(trust) AS trust FROM part GROUP BY ${key}),
sources AS (
  SELECT ${key}, CASE WHEN count(*) > 3 THEN count(*) || ' sources' ELSE string_agg(source, '; ' ORDER BY first) END AS source
  FROM (SELECT p.${key}, p.source, min(p.ord) AS first FROM part p JOIN least USING (${key})
    WHERE p.trust = least.trust AND p.source IS NOT NULL GROUP BY p.${key}, p.source) met
  GROUP BY ${key}),
provenance AS (
  SELECT p.${key}, json_build_object('kind', (${TRUST})[min(p.trust) + 1], 'source', min(sources.source),
    'asOf', min(p."asOf" COLLATE "C"), 'qualifier', CASE WHEN bool_or(p."atLeast") THEN 'AT_LEAST' END,
    'restsOnGenerated', bool_or(p.trust = 0)) AS provenance
  FROM part p LEFT JOIN sources USING (${key}) GROUP BY p.${key})`;

/** A scope's rows of a table with "communityId" and "gridId" (cases, rollups), `code` the scope's parameter. */
type Level = 'all' | 'community' | 'grid';
function inScope(level: Level, alias: string, code: string) {
  if (level === 'grid') return `${alias}."gridId" = (SELECT id FROM "Grid" WHERE code = ${code})`;
  if (level === 'community') return `${alias}."communityId" = (SELECT id FROM "Community" WHERE code = ${code})`;
  return 'TRUE';
}
/** The same for volunteer logs, which know only their grid. */
function logsInScope(level: Level, code: string) {
  if (level !== 'community') return inScope(level, 'v', code);
  return `v."gridId" IN (SELECT g.id FROM "Grid" g JOIN "Community" c ON c.id = g."communityId" WHERE c.code = ${code})`;
}
const levelOf = (variables: Variables): Level =>
  variables.gridCode ? 'grid' : variables.communityCode ? 'community' : 'all';
const scopeCode = (variables: Variables) => (variables.gridCode ?? variables.communityCode) as string | undefined;

/** One of a summary's distinct periods, its bounds in parameters after $1 (the time zone). */
interface SummaryPeriod {
  n: number;
  start: string;
  end: string;
}
const summaryPeriods = (count: number): SummaryPeriod[] =>
  Array.from({ length: count }, (_, n) => ({ n, start: `$${2 * n + 2}`, end: `$${2 * n + 3}` }));

/** The places a summary adds up (every community, one, or a grid; `code` its parameter) with their static figures. */
function summaryPlaces(level: Level, code: string) {
  if (level === 'grid')
    return `place AS (
  SELECT g.id AS ord, g.code, g.population, g.generated, NULL::int AS volunteers,
    (SELECT COALESCE(SUM(${PARTY_MEMBERS}), 0) FROM "PartyOrganization" o
      WHERE o."communityId" = g."communityId" AND o."gridId" = g.id) AS "partyMembers"
  FROM "Grid" g WHERE g.code = ${code}),
${gridParts(`ARRAY['population', 'partyMembers', 'volunteers']`)}`;
  return `place AS (
  SELECT c.id AS ord, c.code, c.population, c."generatedFields"::jsonb AS "generatedFields", c.source, c."populationAtLeast",
    (SELECT COALESCE(SUM(${PARTY_MEMBERS}), 0) FROM "PartyOrganization" o WHERE o."communityId" = c.id) AS "partyMembers",
    COALESCE(c.volunteers, (SELECT SUM(t.members) FROM "VolunteerTeam" t WHERE t."communityId" = c.id), 0) AS volunteers
  FROM "Community" c WHERE ${level === 'all' ? 'TRUE' : `c.code = ${code}`}),
${communityParts(`ARRAY['population', 'partyMembers', 'volunteers']`)}`;
}

const openAt = (end: string) => `(k."closedAt" IS NULL OR k."closedAt" >= ${end})`;
/** A period's case figures: its cohort, 超期未结 at its end, and 待办 (reported, neither closed nor rejected) then. */
const periodCases = ({ n, start, end }: SummaryPeriod) => `
    ${cohortCounts(end, `k."acceptedAt" >= ${start} AND k."acceptedAt" < ${end}`, `_${n}`)},
    COUNT(*) FILTER (WHERE k."acceptedAt" < ${end} AND ${openAt(end)} AND k.deadline < ${end})::int AS "overdueOpen_${n}",
    COUNT(*) FILTER (WHERE k."reportedAt" < ${end} AND ${openAt(end)}
      AND (k."rejectedAt" IS NULL OR k."rejectedAt" >= ${end}))::int AS "backlog_${n}"`;
/** A period's volunteer hours (a log's local day lies in the period when its time does: the bounds are midnights). */
const periodHours = ({ n, start, end }: SummaryPeriod) =>
  `SUM(v.hours) FILTER (WHERE v.date >= ${start} AND v.date < ${end}) AS "hours_${n}"`;

/** Every key figure over one of the periods, by metric. */
const keyFigures = ({ n }: SummaryPeriod) => `json_build_object('POPULATION', statics.population,
    'PARTY_MEMBERS', statics."partyMembers", 'VOLUNTEERS', statics.volunteers,
    'VOLUNTEER_HOURS', COALESCE(logs."hours_${n}", 0),
    'CLOSURE_RATE', ${rate(`cases."closed_${n}"`, `cases."settled_${n}"`)},
    'ON_TIME_RATE', ${rate(`cases."closedOnTime_${n}"`, `cases."settled_${n}"`)},
    'BACKLOG', cases."backlog_${n}", 'OVERDUE_OPEN', cases."overdueOpen_${n}")`;

/**
 * The key figures over each period and their provenance, in one statement. Cohorts and whether
 * records are generated need a pass over the scope's cases and volunteer logs anyway (all of them,
 * for the whole city), so 待办 and hours are counted in the same passes rather than by a third pass over
 * the rollups, which hold the same counts (test/api/rollups.test.ts).
 */
function summarySql(level: Level, periodCount: number) {
  const periods = summaryPeriods(periodCount);
  const code = `$${2 * periodCount + 2}`;
  return `
WITH ${summaryPlaces(level, code)},
${combined('field')},
static_provenance AS (SELECT json_object_agg(field, provenance) AS fields FROM provenance),
statics AS (SELECT SUM(population)::int AS population, SUM("partyMembers")::int AS "partyMembers",
  SUM(volunteers)::int AS volunteers FROM place),
cases AS (
  SELECT ${periods.map(periodCases).join(',')},
    bool_or(k.generated) AS "someGenerated", bool_and(k.generated) AS "allGenerated"
  FROM "Case" k WHERE ${inScope(level, 'k', code)}),
logs AS (
  SELECT ${periods.map(periodHours).join(',\n    ')},
    bool_or(v.generated) AS "someGenerated", bool_and(v.generated) AS "allGenerated"
  FROM "VolunteerLog" v WHERE ${logsInScope(level, code)})
SELECT json_build_array(${periods.map(keyFigures).join(', ')}) AS figures,
  json_build_object('CLOSURE_RATE', ${tooFewCases('cases."settled_0"')},
    'ON_TIME_RATE', ${tooFewCases('cases."settled_0"')}) AS "tooFewCases",
  json_build_object('POPULATION', static_provenance.fields->'population',
    'PARTY_MEMBERS', static_provenance.fields->'partyMembers', 'VOLUNTEERS', static_provenance.fields->'volunteers',
    'VOLUNTEER_HOURS', ${recordsProvenance('logs."allGenerated"', 'logs."someGenerated"')},
    'CLOSURE_RATE', records.provenance, 'ON_TIME_RATE', records.provenance,
    'BACKLOG', records.provenance, 'OVERDUE_OPEN', records.provenance) AS provenance
FROM statics, static_provenance, cases, logs,
  LATERAL (SELECT ${recordsProvenance('cases."allGenerated"', 'cases."someGenerated"')} AS provenance) records`;
}

/**
 * ScopeSummary (KpiCards_summary): the key figures of every community, one community or one grid, with
 * 环比 and 同比. Each distinct period is counted once, as GridScope's loader does: for the last 12
 * months the period before and the year before are the same.
 */
async function summary(client: pg.Pool, variables: Variables) {
  const metrics = computes(variables.metrics, KPI_METRICS);
  const period = periodOfVariables(variables);
  const asked = [period, earlierPeriod(period, 'previous'), earlierPeriod(period, 'yearEarlier')];
  const distinct = [...new Map(asked.map((p) => [periodKey(p), p])).values()];
  const [value, previous, yearEarlier] = asked.map((p) => distinct.findIndex((d) => periodKey(d) === periodKey(p)));
  const code = scopeCode(variables);
  const { rows } = await client.query(summarySql(levelOf(variables), distinct.length), [
    timeZone(),
    ...distinct.flatMap(bounds),
    ...(code ? [code] : []),
  ]);
  const [{ figures, tooFewCases, provenance }] = rows;
  return {
    summary: metrics.map((metric) => ({
      metric,
      value: figures[value][metric],
      tooFewCases: tooFewCases[metric] ?? false,
      provenance: provenance[metric],
      previous: { value: figures[previous][metric] },
      yearEarlier: { value: figures[yearEarlier][metric] },
    })),
  };
}

/** The cases of each value of `column` accepted in [$1, $2), with the counts of 按期结案率 at $2. */
const cohortBy = (column: string) => `(
  SELECT k."${column}", ${cohortCounts('$2')} FROM "Case" k
  WHERE k."acceptedAt" >= $1 AND k."acceptedAt" < $2 GROUP BY k."${column}")`;
const onTimeRate = (k: string) => `json_build_object('value', ${rate(`${k}."closedOnTime"`, `${k}.settled`)},
  'tooFewCases', ${tooFewCases(`${k}.settled`)})`;

/** CommunityRows (ChartRows_community): every community, its party members per 1,000 and its on-time rate. */
async function communityRows(client: pg.Pool, variables: Variables) {
  computes(variables.metric, ['ON_TIME_RATE']);
  const { rows } = await client.query(
    `SELECT c."centroidLat" IS NOT NULL AS "hasLocation", c.code, c.name, c.population, c.households,
      json_build_object('value', party.members, 'perThousand', ${perThousand('party.members', 'c.population')}) AS party,
      ${onTimeRate('k')} AS selected
    FROM "Community" c
    CROSS JOIN LATERAL (SELECT COALESCE(SUM(${PARTY_MEMBERS}), 0)::int AS members
      FROM "PartyOrganization" o WHERE o."communityId" = c.id) party
    LEFT JOIN ${cohortBy('communityId')} k ON k."communityId" = c.id
    WHERE c."retiredAt" IS NULL ORDER BY c.id`,
    bounds(periodOfVariables(variables)),
  );
  return { communities: rows };
}

/** ScopeSeries (ChartSeries_scope): the scope's months and its cases by category, in one statement. */
async function series(client: pg.Pool, variables: Variables) {
  const { months, categories } = await monthlySeries(client, variables);
  const of = (figure: keyof MonthFigures) =>
    months.map((month) => ({ start: new Date(month.start), value: month[figure] }));
  return {
    hours: of('hours'),
    reported: of('reported'),
    closed: of('closed'),
    closure: of('closure'),
    onTime: of('onTime'),
    categories,
  };
}

interface MonthFigures {
  /** Milliseconds since the epoch. */
  start: number;
  hours: number;
  reported: number;
  closed: number;
  closure: number | null;
  onTime: number | null;
}

/** In the period [$1, $2). */
const within = (column: string) => `${column} >= $1 AND ${column} < $2`;

/**
 * Per local month of the period: volunteer hours (logs), cases reported, and the cohort of the cases
 * accepted in the month (closed, 结案率, 按期结案率 as they stood at its end or the period's); and the
 * cases reported in the period by category, every category in the API's order, with those closed and
 * open now. One pass over the scope's cases counts them by month accepted × month reported × category.
 * The months are the API's buckets (shared/time/buckets.ts), given as arrays: a row finds its month by
 * binary search over their starts (width_bucket), with no time zone arithmetic per row, and the planner
 * knows how few they are.
 */
async function monthlySeries(client: pg.Pool, variables: Variables) {
  const level = levelOf(variables);
  const code = scopeCode(variables);
  const period = periodOfVariables(variables);
  const starts = bucketStarts(period.start, new Date(period.endExclusive.getTime() - 1), 'MONTH');
  const ends = starts.map((start) => bucketPeriod(start, 'MONTH', period).endExclusive);
  const inMonth = (month: string, column: string) =>
    `${month}.n = width_bucket(${column}, $3::timestamp[]) AND ${within(column)}`;
  const { rows } = await client.query<{ months: MonthFigures[]; categories: unknown[] }>(
    `WITH month AS NOT MATERIALIZED (
      SELECT * FROM unnest($3::timestamp[], $4::timestamp[]) WITH ORDINALITY AS month(start, "end", n)),
    counted AS (
      SELECT accepted.start AS accepted, reported.start AS reported, k.category, ${cohortCounts('accepted."end"')},
        COUNT(*)::int AS cases, COUNT(*) FILTER (WHERE k.status = 'CLOSED')::int AS "closedNow",
        COUNT(*) FILTER (WHERE k.status = ANY($6::text[]))::int AS "openNow"
      FROM "Case" k
      LEFT JOIN month accepted ON ${inMonth('accepted', 'k."acceptedAt"')}
      LEFT JOIN month reported ON ${inMonth('reported', 'k."reportedAt"')}
      WHERE ${inScope(level, 'k', '$7')} AND (${within('k."acceptedAt"')} OR ${within('k."reportedAt"')})
      GROUP BY 1, 2, 3),
    hours AS (
      SELECT month.start, SUM(v.hours) AS hours FROM "VolunteerLog" v JOIN month ON ${inMonth('month', 'v.date')}
      WHERE ${logsInScope(level, '$7')} GROUP BY month.start),
    by_accepted AS (
      SELECT accepted AS start, SUM(closed) AS closed, SUM("closedOnTime") AS "closedOnTime", SUM(settled) AS settled
      FROM counted GROUP BY accepted),
    by_reported AS (SELECT reported AS start, SUM(cases) AS reported FROM counted GROUP BY reported),
    categories AS (
      SELECT c.n, c.category, COALESCE(SUM(k.cases), 0)::int AS reported, COALESCE(SUM(k."closedNow"), 0)::int AS closed,
        COALESCE(SUM(k."openNow"), 0)::int AS open
      FROM unnest($5::text[]) WITH ORDINALITY AS c(category, n)
      LEFT JOIN counted k ON k.category = c.category AND k.reported IS NOT NULL GROUP BY c.n, c.category)
    SELECT json_agg(json_build_object('start', extract(epoch FROM month.start) * 1000,
        'hours', COALESCE(hours.hours, 0), 'reported', COALESCE(r.reported, 0), 'closed', COALESCE(a.closed, 0),
        'closure', ${rate('a.closed', 'a.settled')}, 'onTime', ${rate('a."closedOnTime"', 'a.settled')})
      ORDER BY month.start) AS months,
      (SELECT json_agg(json_build_object('category', category, 'reported', reported, 'closed', closed, 'open', open)
        ORDER BY n) FROM categories) AS categories
    FROM month LEFT JOIN hours USING (start) LEFT JOIN by_reported r USING (start) LEFT JOIN by_accepted a USING (start)`,
    [
      ...bounds(period),
      ...[starts, ends].map((dates) => dates.map((d) => d.toISOString())),
      CASE_CATEGORIES,
      OPEN_STATUSES,
      ...(code ? [code] : []),
    ],
  );
  return rows[0];
}

/** A grid's (`g`) cases accepted in [$1, $2), with the counts of 按期结案率 at $2. */
const GRID_COHORT = `CROSS JOIN LATERAL (SELECT ${cohortCounts('$2')} FROM "Case" k
      WHERE k."gridId" = g.id AND k."acceptedAt" >= $1 AND k."acceptedAt" < $2) k`;

/** GridRows (ChartRows_grid): one community's grids, their party members per 1,000 and on-time rate. */
async function gridRows(client: pg.Pool, variables: Variables) {
  computes(variables.metric, ['ON_TIME_RATE']);
  const { rows } = await client.query(
    `SELECT c.code, c.name, c."centroidLat" IS NOT NULL AS "hasLocation", COALESCE((
      SELECT json_agg(json_build_object('code', g.code, 'name', g.name, 'population', g.population,
        'households', g.households, 'party', json_build_object('value', COALESCE(party.members, 0),
          'perThousand', ${perThousand('COALESCE(party.members, 0)', 'g.population')}),
        'selected', ${onTimeRate('k')}) ORDER BY g.code)
      FROM "Grid" g ${GRID_COHORT}
      LEFT JOIN (SELECT o."gridId", SUM(${PARTY_MEMBERS})::int AS members FROM "PartyOrganization" o
        WHERE o."communityId" = c.id GROUP BY o."gridId") party
        ON party."gridId" = g.id
      WHERE g."communityId" = c.id AND g."retiredAt" IS NULL), '[]') AS grids
    FROM "Community" c WHERE c.code = $3`,
    [...bounds(periodOfVariables(variables)), variables.code],
  );
  return { community: rows[0] ?? null };
}

/**
 * MapFeatures of one community's grids: those drawn at the period's end (not retired by then; the
 * boundary version valid then, or the stored boundary of a grid never imported) with their on-time
 * rate. GridScope then simplifies each boundary for the zoom in JS (@turf/simplify, map/geometry.ts);
 * this baseline sends the stored GeoJSON as it is.
 */
async function gridMap(client: pg.Pool, variables: Variables) {
  const [metric] = computes(variables.metric, ['ON_TIME_RATE']);
  const { rows } = await client.query(
    `SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
      'type', 'Feature', 'geometry', drawn.boundary::json, 'properties', json_build_object('code', g.code,
        'name', g.name, 'value', ${rate('k."closedOnTime"', 'k.settled')}, 'sampleSize', k.settled,
        'tooFewCases', ${tooFewCases('k.settled')}, 'unit', $4::text, 'parentCode', c.code)) ORDER BY g.code), '[]'))
      AS "mapFeatures"
    FROM "Community" c JOIN "Grid" g ON g."communityId" = c.id ${GRID_COHORT}
    CROSS JOIN LATERAL (SELECT CASE WHEN NOT EXISTS (SELECT FROM "BoundaryVersion" v WHERE v.level = 'GRID' AND v.code = g.code)
      THEN g.boundary ELSE (SELECT v.boundary FROM "BoundaryVersion" v WHERE v.level = 'GRID' AND v.code = g.code
        AND v."validFrom" < $2 AND (v."validTo" IS NULL OR v."validTo" >= $2) ORDER BY v."validFrom" DESC LIMIT 1) END
      AS boundary) drawn
    WHERE c.code = $3 AND g.boundary IS NOT NULL AND (g."retiredAt" IS NULL OR g."retiredAt" >= $2)
      AND drawn.boundary IS NOT NULL`,
    [...bounds(periodOfVariables(variables)), variables.communityCode, METRIC_DEFINITIONS[metric].unit],
  );
  return rows[0];
}

/** Communities `p` (from a `place` of ids) with their cohort in [start, end) and 待办 at `end`. */
const placeFigures = (start: string, end: string) => `place p
  CROSS JOIN LATERAL (SELECT ${cohortCounts(end)} FROM "Case" k
    WHERE k."communityId" = p.id AND k."acceptedAt" >= ${start} AND k."acceptedAt" < ${end}) k
  CROSS JOIN LATERAL (SELECT COALESCE(SUM(${OPEN_DELTA}), 0)::int AS backlog FROM "GridDayRollup" r
    WHERE r."communityId" = p.id AND r.day < ${end}) r`;
const PLACE_METRICS: Metric[] = ['POPULATION', 'CLOSURE_RATE', 'ON_TIME_RATE', 'BACKLOG'];
/** Those figures as one row per metric: metric, value, perThousand, tooFewCases, provenance (`populationFrom`, `records`). */
const placeMetrics = (populationFrom: string, records: string) => `LATERAL (VALUES
    ('POPULATION', p.population::float8, NULL::float8, false, ${populationFrom}),
    ('CLOSURE_RATE', ${rate('k.closed', 'k.settled')}, NULL, ${tooFewCases('k.settled')}, ${records}),
    ('ON_TIME_RATE', ${rate('k."closedOnTime"', 'k.settled')}, NULL, ${tooFewCases('k.settled')}, ${records}),
    ('BACKLOG', r.backlog, ${perThousand('r.backlog', 'p.population')}, false, ${records})
  ) AS m(metric, value, "perThousand", "tooFewCases", provenance)`;

/** Compare: communities × metrics in the order asked, raw and per 1,000 residents, with provenance. */
async function compare(client: pg.Pool, variables: Variables) {
  const metrics = computes(variables.metrics, PLACE_METRICS);
  const { rows } = await client.query(
    `WITH place AS (
      SELECT a.n, c.id, c.id AS ord, c.code, c.population, c."generatedFields"::jsonb AS "generatedFields", c.source,
        c."populationAtLeast"
      FROM unnest($4::text[]) WITH ORDINALITY AS a(code, n) JOIN "Community" c ON c.code = a.code),
    ${communityParts(`ARRAY['population']`)},
    ${combined('code')}
    SELECT p.code, m.metric, m.value AS raw, m."perThousand", m."tooFewCases", m.provenance
    FROM ${placeFigures('$2', '$3')}
    JOIN provenance population ON population.code = p.code
    CROSS JOIN LATERAL (SELECT bool_or(k.generated) AS "someGenerated", bool_and(k.generated) AS "allGenerated"
      FROM "Case" k WHERE k."communityId" = p.id) cases
    CROSS JOIN ${placeMetrics('population.provenance', recordsProvenance('cases."allGenerated"', 'cases."someGenerated"'))}
    WHERE m.metric = ANY($5::text[]) ORDER BY p.n, array_position($5::text[], m.metric)`,
    [timeZone(), ...bounds(periodOfVariables(variables)), variables.communityCodes, metrics],
  );
  return { compare: rows };
}

/** WallItem: a community's figures (one statement) and its months of cases reported and closed (another). */
async function wallItem(client: pg.Pool, variables: Variables) {
  const metrics = computes(variables.metrics, PLACE_METRICS);
  const [figures, months] = await Promise.all([
    client.query(
      `WITH place AS (SELECT id, population FROM "Community" WHERE code = $3)
      SELECT m.metric, m.value, m."tooFewCases" FROM ${placeFigures('$1', '$2')}
      CROSS JOIN ${placeMetrics('NULL::json', 'NULL')}
      WHERE m.metric = ANY($4::text[]) ORDER BY array_position($4::text[], m.metric)`,
      [...bounds(periodOfVariables(variables)), variables.communityCode, metrics],
    ),
    monthlySeries(client, variables),
  ]);
  const of = (figure: 'reported' | 'closed') =>
    months.months.map((month) => ({ start: new Date(month.start), value: month[figure] }));
  return { summary: figures.rows, reported: of('reported'), closed: of('closed') };
}

/**
 * WallRanking: the head of the league table, `top` communities by on-time rate with enough cases, best
 * first (equal values in the order loaded); graded by the default bands (GRADES_FILE is configuration:
 * the benchmark's server has none).
 */
async function ranking(client: pg.Pool, variables: Variables) {
  const [metric] = computes(variables.metric, ['ON_TIME_RATE']);
  const { rows } = await client.query(
    `SELECT c.code, c.name, v.value, ${tooFewCases('k.settled')} AS "tooFewCases",
      ($4::text[])[1 + (v.value < ($3::float8[])[1])::int + (v.value < ($3::float8[])[2])::int
        + (v.value < ($3::float8[])[3])::int] AS grade
    FROM "Community" c LEFT JOIN ${cohortBy('communityId')} k ON k."communityId" = c.id
    CROSS JOIN LATERAL (SELECT ${rate('k."closedOnTime"', 'k.settled')} AS value) v
    WHERE c."retiredAt" IS NULL AND v.value IS NOT NULL AND NOT ${tooFewCases('k.settled')}
    ORDER BY v.value DESC, c.id LIMIT $5`,
    [...bounds(periodOfVariables(variables)), DEFAULT_GRADE_BANDS[metric], GRADES, variables.top],
  );
  return { ranking: rows };
}

/** `{ communities { code name grids { code name } } }`: the communities in load order, each with its grids by code. */
async function nested(client: pg.Pool) {
  const { rows } = await client.query(
    `SELECT c.code, c.name, COALESCE(json_agg(json_build_object('code', g.code, 'name', g.name) ORDER BY g.code)
      FILTER (WHERE g.id IS NOT NULL), '[]') AS grids
    FROM "Community" c LEFT JOIN "Grid" g ON g."communityId" = c.id AND g."retiredAt" IS NULL
    WHERE c."retiredAt" IS NULL GROUP BY c.id ORDER BY c.id`,
  );
  return { communities: rows };
}

/** Hand-written SQL giving the same answer as each benchmarked GraphQL operation (see city.ts). */
export const RAW_SQL: Record<
  'summary' | 'communityRows' | 'series' | 'gridRows' | 'gridMap' | 'compare' | 'wallItem' | 'ranking' | 'nested',
  RawQuery
> = { summary, communityRows, series, gridRows, gridMap, compare, wallItem, ranking, nested };
