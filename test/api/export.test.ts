import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SEPTEMBER = 'from=2026-09-01&to=2026-09-30';
const QUERY = `measures=CLOSURE_RATE,ON_TIME_RATE,CASES_ACCEPTED&dimensions=COMMUNITY&${SEPTEMBER}&sort=-ON_TIME_RATE`;

async function download(path: string, token?: string) {
  const response = await fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** What Excel does with a CSV: a UTF-8 byte order mark means UTF-8 (without one it would read GBK). */
function openAsExcel(bytes: Uint8Array): string[][] {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  return text
    .split('\r\n')
    .filter((line, i, all) => i < all.length - 1 || line !== '')
    .map((line) => line.split(','));
}

async function statsRows(language = 'ZH_CN') {
  const { data } = await server.gql(
    `{ stats(measures: [CLOSURE_RATE, ON_TIME_RATE, CASES_ACCEPTED], dimensions: [COMMUNITY], language: ${language},
        period: { from: "2026-09-01", to: "2026-09-30" }, sort: [{ measure: ON_TIME_RATE, descending: true }]) {
        rows { keys { label } values { value } } } }`,
  );
  return data!.stats.rows as { keys: { label: string }[]; values: { value: number | null }[] }[];
}

const percent = (value: number | null) => (value === null ? '' : `${(value * 100).toFixed(2)}%`);

it('downloads a stats answer as CSV that Chinese Excel opens, with its period and the source of its figures', async () => {
  const { response, bytes } = await download(`/api/export.csv?${QUERY}&lang=zh-CN`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  expect(response.headers.get('content-disposition')).toMatch(
    /attachment; filename="gridscope-stats-2026-09-01-2026-09-30\.csv"/,
  );
  const lines = openAsExcel(bytes);
  expect(lines[0]).toEqual(['网格通 统计']);
  expect(lines[1]).toEqual(['统计期间', '2026-09-01 至 2026-09-30']);
  expect(lines[2]).toEqual(['时区', 'Asia/Shanghai']);
  // What the API says of the same figures (other test files add real cases to the shared database).
  const { data } = await server.gql('{ summary(metrics: [CLOSURE_RATE]) { provenance { kind restsOnGenerated } } }');
  const { kind, restsOnGenerated } = data!.summary[0].provenance;
  expect(lines[3]).toEqual([
    '数据来源',
    kind === 'GENERATED'
      ? '生成的演示数据'
      : restsOnGenerated
        ? '由事件记录计算（部分为生成的演示数据）'
        : '由事件记录计算',
  ]);
  const header = lines.findIndex((line) => line[0] === '社区');
  expect(lines[header]).toEqual(['社区', '结案率', '按期结案率', '立案数']);
  const expected = await statsRows();
  expect(lines.slice(header + 1)).toEqual(
    expected.map((row) => [
      row.keys[0].label,
      percent(row.values[0].value),
      percent(row.values[1].value),
      String(row.values[2].value),
    ]),
  );
  expect(lines.slice(header + 1).some((line) => line[0] === '康乐社区')).toBe(true);
});

it('downloads the same answer as XLSX, numbers as numbers, with English headers when asked', async () => {
  const { response, bytes } = await download(`/api/export.xlsx?${QUERY}&lang=en`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual(['GridScope statistics']);
  expect(rows[1]).toEqual(['Period', '2026-09-01 to 2026-09-30']);
  const header = rows.findIndex((row) => row[0] === 'Community');
  expect(rows[header]).toEqual(['Community', 'Closure rate', 'On-time rate', 'Cases accepted']);
  const expected = await statsRows('EN');
  const data = rows.slice(header + 1).map((row) => [row[0], row[1] ?? null, row[2] ?? null, row[3]]);
  expect(data).toEqual(expected.map((row) => [row.keys[0].label, ...row.values.map((v) => v.value)]));
  expect(sheet.getRow(header + 2).getCell(2).numFmt).toBe('0.00%');
});

it('says why a download is refused: bad parameters, too much, and a server that needs signing in', async () => {
  const bad = await download(`/api/export.csv?measures=CLOSURE,ON_TIME_RATE&${SEPTEMBER}`);
  expect(bad.response.status).toBe(400);
  expect(JSON.parse(new TextDecoder().decode(bad.bytes)).message).toMatch(/measures: CLOSURE is not one of/);
  const noDates = await download('/api/export.csv?measures=CLOSURE_RATE');
  expect(noDates.response.status).toBe(400);
  const tooMuch = await download(
    '/api/export.csv?measures=CASES_ACCEPTED,ON_TIME_RATE&dimensions=GRID,TIME&bucket=DAY&from=2020-01-01&to=2026-11-30',
  );
  expect(tooMuch.response.status).toBe(400);
  expect(JSON.parse(new TextDecoder().decode(tooMuch.bytes)).code).toBe('TOO_MANY_VALUES');

  const closed = await startTestServer({ PUBLIC_DASHBOARD: 'false' });
  try {
    const anonymous = await fetch(`${closed.url}/api/export.csv?${QUERY}`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).code).toBe('SIGN_IN_REQUIRED');
    const withToken = await fetch(`${closed.url}/api/export.csv?${QUERY}`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(withToken.status).toBe(200);
  } finally {
    await closed.close();
  }
});

it('downloads the cases list: every case of the filter, what each caller may read of them', async () => {
  const { data } = await server.gql(
    '{ cases(filter: { communityCode: "kangle", overdue: true }, first: 1) { totalCount } }',
  );
  const count = data!.cases.totalCount as number;
  expect(count).toBeGreaterThan(0);
  const path = '/api/export.csv?table=cases&community=kangle&overdue=true';
  const visitor = openAsExcel((await download(path)).bytes);
  const header = visitor.findIndex((line) => line[0] === '编号');
  expect(visitor[header].slice(0, 6)).toEqual(['编号', '类别', '来源', '状态', '社区', '网格']);
  const rows = visitor.slice(header + 1);
  expect(rows).toHaveLength(count);
  expect(rows.every((row) => row[4] === '康乐社区' && Number(row[10]) > 0)).toBe(true);
  const description = visitor[header].indexOf('描述');
  expect(rows.every((row) => row[description] === '')).toBe(true);
  const admin = openAsExcel((await download(path, TEST_ADMIN_TOKEN)).bytes);
  expect(admin.slice(header + 1).some((row) => row[description] !== '')).toBe(true);
  expect((await download('/api/export.csv?table=cases&community=nowhere')).response.status).toBe(404);
});
