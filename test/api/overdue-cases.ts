import { CASE_CATEGORIES, CASE_SOURCES } from '../../shared/enums';
import { HOUR_MS } from '../../shared/time/buckets';
import { TEST_ADMIN_TOKEN, type TestServer } from './harness';

const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { code } }`;
const ACCEPT = `mutation($code: String!) { transitionCase(code: $code, to: ACCEPTED) { code } }`;

/**
 * The seed is made up to the start of today, so few of its cases are overdue. These are
 * reported now in the grids given, every other one accepted, and then their deadlines
 * moved into the past as if the days had gone by: three cases a day back, the three
 * sharing one deadline, so that pages end inside a tie.
 */
export async function addOverdueCases(server: TestServer, gridCodes: string[], count: number): Promise<string[]> {
  const codes: string[] = [];
  const now = Date.now();
  for (let n = 0; n < count; n++) {
    const input = {
      gridCode: gridCodes[n % gridCodes.length],
      category: CASE_CATEGORIES[n % CASE_CATEGORIES.length],
      source: CASE_SOURCES[n % CASE_SOURCES.length],
      description: `超期测试事件 ${n + 1}`,
    };
    const reported = await server.gql(REPORT, { input }, TEST_ADMIN_TOKEN);
    if (reported.errors) throw new Error(reported.errors[0].message);
    const { code } = reported.data!.reportCase;
    if (n % 2) await server.gql(ACCEPT, { code }, TEST_ADMIN_TOKEN);
    const deadline = new Date(now - (Math.floor(n / 3) * 24 + 1) * HOUR_MS);
    await server.db.case.update({ where: { code }, data: { deadline } });
    codes.push(code);
  }
  return codes;
}
