import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../shared/case/workflow';
import { localDay } from '../../shared/time/buckets';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer, TEST_ADMIN_PASSWORD, type GraphQLResponse, type TestServer } from './harness';
import { addOverdueCases } from './overdue-cases';

// Its own database: it adds overdue cases that other tests do not expect.
let scratch: ScratchDatabase;
let server: TestServer;
let admin: { cookie: string };
beforeAll(async () => {
  scratch = await seededDatabase();
  server = await startTestServer({ DATABASE_URL: scratch.url });
  admin = { cookie: (await server.signIn('admin', TEST_ADMIN_PASSWORD)).cookie! };
  const grids = async (community: string) =>
    (await server.db.grid.findMany({ where: { community: { code: community } } })).map((g) => g.code);
  await addOverdueCases(server, await grids('kangle'), 19);
  await addOverdueCases(server, await grids('gonghelu'), 7);
});
afterAll(async () => {
  await server.close();
  await scratch.drop();
});

const OVERDUE = `query($communityCode: String, $first: Int!, $after: String) {
  cases(filter: { overdue: true, communityCode: $communityCode }, orderBy: DEADLINE, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { code deadline daysOverdue grid { code worker { name } } } }
  }
}`;

interface Row {
  code: string;
  deadline: string;
  daysOverdue: number | null;
  grid: { code: string; worker: { name: string | null } | null };
}

interface OverduePage {
  cases: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Row }[] };
}

/** Every page of the overdue list, `first` at a time, and the totalCount of each. */
async function allPages(first: number, communityCode?: string, credentials?: Record<string, string>) {
  const rows: Row[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  do {
    const answer: GraphQLResponse<OverduePage> = await server.gql<OverduePage>(
      OVERDUE,
      { communityCode, first, after },
      credentials,
    );
    expect(answer.errors).toBeUndefined();
    const { edges, pageInfo, totalCount } = answer.data!.cases;
    rows.push(...edges.map((e) => e.node));
    totals.add(totalCount);
    after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  } while (after);
  return { rows, totals: [...totals] };
}

/** The overdue cases straight from the database, in the order the list promises. */
const overdueInDatabase = (communityCode?: string) =>
  server.db.case.findMany({
    where: {
      status: { in: [...OPEN_STATUSES] },
      deadline: { lt: new Date() },
      ...(communityCode ? { community: { code: communityCode } } : {}),
    },
    orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
  });

/** Local calendar days between two instants, read off their YYYY-MM-DD days. */
const calendarDays = (from: Date, to: Date) => (Date.parse(localDay(to)) - Date.parse(localDay(from))) / 86_400_000;

describe('the overdue list', () => {
  it('lists the most days overdue first, each with its whole local days overdue', async () => {
    const { rows, totals } = await allPages(200);
    const expected = await overdueInDatabase();
    expect(expected.length).toBeGreaterThan(25);
    expect(totals).toEqual([expected.length]);
    expect(rows.map((r) => r.code)).toEqual(expected.map((c) => c.code));
    const now = new Date();
    expect(rows.map((r) => r.daysOverdue)).toEqual(rows.map((r) => calendarDays(new Date(r.deadline), now)));
    const days = rows.map((r) => r.daysOverdue!);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(new Set(days).size).toBeGreaterThan(1);
  });

  it('pages through ties of the deadline with no case twice and none left out, in a community too', async () => {
    for (const communityCode of ['kangle', undefined]) {
      const expected = await overdueInDatabase(communityCode);
      const deadlines = expected.map((c) => c.deadline.getTime());
      expect(new Set(deadlines).size).toBeLessThan(deadlines.length);
      const { rows, totals } = await allPages(4, communityCode);
      expect(rows.map((r) => r.code)).toEqual(expected.map((c) => c.code));
      expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
      expect(totals).toEqual([expected.length]);
    }
  });

  it('counts the cases only when totalCount is asked, as a wall’s ticker does not', async () => {
    const counts = () => server.queries.filter((sql) => /SELECT COUNT\(\*\)/i.test(sql) && /[`"]Case[`"]/.test(sql));
    server.queries.length = 0;
    const page = await server.gql(`query($first: Int!) { cases(first: $first) { edges { node { code } } } }`, {
      first: 3,
    });
    expect(page.data!.cases.edges).toHaveLength(3);
    expect(counts()).toEqual([]);
    const counted = await allPages(50);
    expect(counts().length).toBeGreaterThan(0);
    expect(counted.totals).toEqual([(await overdueInDatabase(undefined)).length]);
  });

  it('refuses a cursor of another order', async () => {
    const newest = await server.gql('{ cases(first: 1) { pageInfo { endCursor } } }');
    const answer = await server.gql(OVERDUE, { first: 5, after: newest.data!.cases.pageInfo.endCursor });
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('names the responsible grid worker to a signed-in admin, not to a visitor', async () => {
    const visitor = (await allPages(50, 'kangle')).rows;
    const signedIn = (await allPages(50, 'kangle', admin)).rows;
    expect(signedIn.map((r) => r.code)).toEqual(visitor.map((r) => r.code));
    expect(visitor.every((r) => r.grid.worker === null)).toBe(true);
    const workers = new Map((await server.db.grid.findMany()).map((g) => [g.code, g.workerName]));
    expect(signedIn.map((r) => r.grid.worker?.name)).toEqual(signedIn.map((r) => workers.get(r.grid.code)));
    expect(signedIn.some((r) => r.grid.worker?.name)).toBe(true);
  });
});

describe('one case by its code', () => {
  const CASE = `query($code: String!) {
    case(code: $code) { code status deadline daysOverdue description events { from to at actor note } }
  }`;

  it('answers with its state and timeline, and who acted only for those who may read it', async () => {
    const [overdue] = await overdueInDatabase('kangle');
    const events = await server.db.caseEvent.findMany({
      where: { caseId: overdue.id },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    const signedIn = await server.gql(CASE, { code: overdue.code }, admin);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.case).toMatchObject({
      code: overdue.code,
      status: overdue.status,
      deadline: overdue.deadline.toISOString(),
      daysOverdue: calendarDays(overdue.deadline, new Date()),
      description: overdue.description,
    });
    expect(signedIn.data!.case.events).toEqual(
      events.map((e) => ({ from: e.from, to: e.to, at: e.at.toISOString(), actor: e.actor, note: e.note })),
    );
    const visitor = (await server.gql(CASE, { code: overdue.code })).data!.case;
    expect(visitor.description).toBeNull();
    expect(visitor.events.map((e: { to: string }) => e.to)).toEqual(events.map((e) => e.to));
    expect(visitor.events.every((e: { actor: string | null }) => e.actor === null)).toBe(true);
  });

  it('is null for a code that names no case', async () => {
    const answer = await server.gql(CASE, { code: 'NO-SUCH-CASE' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.case).toBeNull();
  });
});
