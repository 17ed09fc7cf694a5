import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

let server: TestServer;
let gridCode: string;
let teamId: number;
beforeAll(async () => {
  server = await startTestServer();
  const grid = await server.db.grid.findFirstOrThrow({
    where: { community: { code: 'kangle' } },
    orderBy: { code: 'asc' },
  });
  gridCode = grid.code;
  teamId = (await server.db.volunteerTeam.findFirstOrThrow({ where: { communityId: grid.communityId } })).id;
});
afterAll(() => server.close());

const REPORT = 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }';
const LOG = 'mutation($i: LogVolunteerHoursInput!) { logVolunteerHours(input: $i) { id } }';

it('answers edge values with BAD_USER_INPUT and writes nothing', async () => {
  const before = await server.db.case.count();
  const report = (extra: Record<string, unknown>) =>
    server.gql(REPORT, { i: { gridCode, category: 'FACILITY', description: '路灯不亮', ...extra } }, TEST_ADMIN_TOKEN);
  const log = (extra: Record<string, unknown>) =>
    server.gql(
      LOG,
      { i: { teamId, gridCode, participants: 2, hours: 4, description: '清扫', ...extra } },
      TEST_ADMIN_TOKEN,
    );
  const answers = {
    'a description of 1,001 characters': await report({ description: '堵'.repeat(1001) }),
    'a control character': await report({ description: '路灯\u0000不亮' }),
    'a phone of letters': await report({ reporterPhone: 'call me' }),
    'a name of 51 characters': await report({ reporterName: '张'.repeat(51) }),
    '10,001 participants': await log({ participants: 10_001, hours: 10 }),
    'a date in 1999': await log({ date: '1999-12-31T00:00:00Z' }),
    'a search of 101 characters': await server.gql('query($t: String!) { search(text: $t) { code } }', {
      t: 'x'.repeat(101),
    }),
    'a period from 1900': await server.gql('{ summary(metrics: [BACKLOG], from: "1900-01-01T00:00:00Z") { value } }'),
    'a series to 2200': await server.gql(
      '{ timeSeries(bucket: MONTH, metric: BACKLOG, from: "2026-01-01T00:00:00Z", to: "2200-01-01T00:00:00Z") { value } }',
    ),
    'a token name of 61 characters': await server.gql(
      'mutation($n: String!) { createApiToken(input: { name: $n, role: ANALYST }) { value } }',
      { n: '屏'.repeat(61) },
      TEST_ADMIN_TOKEN,
    ),
    'a display name with a control character': await server.gql(
      'mutation { createAccount(input: { username: "bounds.test", displayName: "张\u0007三", role: ANALYST }) { password } }',
      {},
      TEST_ADMIN_TOKEN,
    ),
  };
  for (const [what, answer] of Object.entries(answers))
    expect(answer.errors?.[0].extensions?.code, what).toBe('BAD_USER_INPUT');
  expect(await server.db.case.count()).toBe(before);
  expect(await server.db.account.count({ where: { username: 'bounds.test' } })).toBe(0);
  expect((await report({ reporterPhone: '+86 138-0000-0000', reporterName: '张三' })).errors).toBeUndefined();
});

it('searches for % and _ as themselves, not as LIKE wildcards', async () => {
  const find = async (text: string) =>
    (await server.gql('query($t: String!) { search(text: $t, first: 50) { code } }', { t: text })).data!.search as {
      code: string;
    }[];
  expect(await find('%')).toEqual([]);
  expect(await find('_')).toEqual([]);
  expect(await find('康_')).toEqual([]);
  expect((await find('康乐')).length).toBeGreaterThan(0);
});
