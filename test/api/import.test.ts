import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import type { Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalLiveEvents } from '../../server/src/live/live-events';
import { runImport, type ImportRequest } from '../../server/src/modules/import/import.service';
import {
  CGCS2000_GEOGRAPHIC_PRJ,
  CGCS2000_GK_CM_114E_PRJ,
  feature,
  gbkCsv,
  rectangle,
  shapefileZip,
  xlsx,
} from '../import-files';
import { runCommand } from './commands';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

// Its own database: the imports add places and change 康乐's figures, which other files read.
let database: ScratchDatabase;
let server: TestServer;
beforeAll(async () => {
  database = await seededDatabase();
  server = await startTestServer({ DATABASE_URL: database.url });
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

const live = createLocalLiveEvents();
const run = (request: Partial<ImportRequest> & Pick<ImportRequest, 'files'>) =>
  runImport(server.db, live, { dryRun: false, actor: 'test', ...request });
const file = (name: string, content: unknown) => ({
  name,
  bytes:
    typeof content === 'string' || content instanceof Uint8Array
      ? Buffer.from(content as string)
      : Buffer.from(JSON.stringify(content)),
});

const centre = (p: Polygon): Position => [
  (p.coordinates[0][0][0] + p.coordinates[0][2][0]) / 2,
  (p.coordinates[0][0][1] + p.coordinates[0][2][1]) / 2,
];
const metresBetween = ([lng1, lat1]: Position, [lng2, lat2]: Position) =>
  Math.hypot((lng1 - lng2) * 111_320 * Math.cos((lat1 * Math.PI) / 180), (lat1 - lat2) * 110_574);
const convert = (p: Polygon, fn: (pos: Position) => Position): Polygon => ({
  type: 'Polygon',
  coordinates: p.coordinates.map((ring) => ring.map(fn)),
});
const toGcj = (p: Polygon) =>
  convert(p, (pos) => gcoord.transform(pos as [number, number], gcoord.WGS84, gcoord.GCJ02));
const toBd = (p: Polygon) => convert(p, (pos) => gcoord.transform(pos as [number, number], gcoord.WGS84, gcoord.BD09));

const SUB_DISTRICT = '410105-901';
const COMMUNITY = '410105-901-001';
const COMMUNITY_BOX = rectangle(113.7, 34.76, 113.72, 34.775);
const GRIDS = {
  '01': rectangle(113.7, 34.76, 113.71, 34.7675),
  '02': rectangle(113.71, 34.76, 113.72, 34.7675),
  '03': rectangle(113.7, 34.7675, 113.71, 34.775),
  '04': rectangle(113.71, 34.7675, 113.715, 34.775),
  '05': rectangle(113.715, 34.7675, 113.72, 34.775),
};

/** The grid's stored centroid against the true WGS-84 centre of its boundary. */
async function centroidError(code: string, truth: Polygon) {
  const grid = await server.db.grid.findUniqueOrThrow({ where: { code } });
  return metresBetween([grid.centroidLng!, grid.centroidLat!], centre(truth));
}

/** Row counts and a checksum of every place: what a refused import must leave as it was. */
async function fingerprint() {
  const [subDistricts, communities, grids, cases, sources] = await Promise.all([
    server.db.subDistrict.findMany({ orderBy: { code: 'asc' } }),
    server.db.community.findMany({ orderBy: { code: 'asc' } }),
    server.db.grid.findMany({ orderBy: { code: 'asc' } }),
    server.db.case.count(),
    server.db.figureSource.count(),
  ]);
  const digest = createHash('sha256')
    .update(JSON.stringify([subDistricts, communities, grids]))
    .digest('hex');
  return {
    subDistricts: subDistricts.length,
    communities: communities.length,
    grids: grids.length,
    cases,
    sources,
    digest,
  };
}

describe('boundaries', () => {
  it('imports a sub-district, a community and grids traced on AMap (GCJ-02) to within 2 m, and re-importing changes nothing', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        feature({ 编码: SUB_DISTRICT, 名称: '示范街道', 层级: '街道' }, null),
        feature({ 编码: COMMUNITY, 名称: '示范社区', 层级: '社区' }, toGcj(COMMUNITY_BOX)),
        feature({ 网格编码: `${COMMUNITY}-01`, 网格名称: '示范一网格' }, toGcj(GRIDS['01'])),
        feature({ 网格编码: `${COMMUNITY}-02`, 网格名称: '示范二网格' }, toGcj(GRIDS['02'])),
      ],
    };
    const first = await run({ files: [file('示范街道.geojson', geojson)], crs: 'gcj02', asOf: '2026-10-01' });
    expect(first.problems).toEqual([]);
    expect(first).toMatchObject({ ok: true, kind: 'boundaries', created: 4, updated: 0, unchanged: 0 });
    expect(await centroidError(`${COMMUNITY}-01`, GRIDS['01'])).toBeLessThan(2);
    expect(await centroidError(`${COMMUNITY}-02`, GRIDS['02'])).toBeLessThan(2);
    const grid = await server.gql(
      `{ grid(code: "${COMMUNITY}-01") { name community { name subDistrict { name } } boundaryHistory { validFrom validTo } } }`,
    );
    expect(grid.data!.grid).toEqual({
      name: '示范一网格',
      community: { name: '示范社区', subDistrict: { name: '示范街道' } },
      boundaryHistory: [{ validFrom: expect.stringMatching(/^2026-09-30T16:00:00/), validTo: null }],
    });

    const again = await run({ files: [file('示范街道.geojson', geojson)], crs: 'gcj02' });
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 4 });
  });

  it('converts Baidu (BD-09) tracings, and finds the parent community in the database', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [feature({ code: `${COMMUNITY}-03`, name: '示范三网格' }, toBd(GRIDS['03']))],
    };
    const report = await run({ files: [file('三网格.json', geojson)], crs: 'bd09' });
    expect(report.problems).toEqual([]);
    expect(report.created).toBe(1);
    expect(await centroidError(`${COMMUNITY}-03`, GRIDS['03'])).toBeLessThan(2);
  });

  it('reads a zipped Shapefile with a GBK .dbf and a CGCS2000 .prj', async () => {
    const zip = shapefileZip({
      layer: '网格',
      encoding: 'gbk',
      prj: CGCS2000_GEOGRAPHIC_PRJ,
      fields: [
        { name: '网格编码', type: 'C', length: 30 },
        { name: '网格名称', type: 'C', length: 40 },
      ],
      records: [{ geometry: GRIDS['04'], values: [`${COMMUNITY}-04`, '示范四网格（东）'] }],
    });
    const report = await run({ files: [file('网格.zip', zip)] });
    expect(report.problems).toEqual([]);
    expect(report.created).toBe(1);
    const grid = await server.db.grid.findUniqueOrThrow({ where: { code: `${COMMUNITY}-04` } });
    expect(grid.name).toBe('示范四网格（东）');
    expect(await centroidError(grid.code, GRIDS['04'])).toBeLessThan(2);
  });

  it('converts a projected Gauss-Krüger Shapefile (CGCS2000, central meridian 114°E) from its .prj', async () => {
    const toGk = proj4(
      'WGS84',
      '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
    );
    const projected = convert(GRIDS['05'], (p) => toGk.forward(p));
    expect(projected.coordinates[0][0][0]).toBeGreaterThan(400_000);
    const zip = shapefileZip({
      layer: '网格',
      encoding: 'gbk',
      prj: CGCS2000_GK_CM_114E_PRJ,
      fields: [
        { name: 'CODE', type: 'C', length: 30 },
        { name: 'NAME', type: 'C', length: 40 },
      ],
      records: [{ geometry: projected, values: [`${COMMUNITY}-05`, '示范五网格'] }],
    });
    const report = await run({ files: [file('gk.zip', zip)] });
    expect(report.problems).toEqual([]);
    expect(await centroidError(`${COMMUNITY}-05`, GRIDS['05'])).toBeLessThan(2);
  });

  it('refuses a file with faults whole, naming every one by feature, and changes nothing', async () => {
    const before = await fingerprint();
    const bowtie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [113.7, 34.76],
          [113.71, 34.7675],
          [113.71, 34.76],
          [113.7, 34.7675],
          [113.7, 34.76],
        ],
      ],
    };
    const open: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [113.7, 34.76],
          [113.71, 34.76],
          [113.71, 34.7675],
          [113.7, 34.7675],
        ],
      ],
    };
    const geojson = {
      type: 'FeatureCollection',
      features: [
        feature({ code: `${COMMUNITY}-06`, name: '重叠网格' }, rectangle(113.705, 34.76, 113.709, 34.7675)),
        feature({ code: `${COMMUNITY}-07`, name: '出界网格' }, rectangle(113.719, 34.76, 113.73, 34.765)),
        feature({ code: `${COMMUNITY}-08`, name: '自交网格' }, bowtie),
        feature({ code: `${COMMUNITY}-09`, name: '未闭合' }, open),
        feature({ code: `${COMMUNITY}-06`, name: '重复编码' }, rectangle(113.7, 34.76, 113.701, 34.761)),
        feature({ code: '410105-999-001-01', name: '无主网格' }, rectangle(113.7, 34.76, 113.701, 34.761)),
      ],
    };
    const report = await run({ files: [file('bad.geojson', geojson)] });
    expect(report.ok).toBe(false);
    const said = report.problems.map((p) => `${p.location}: ${p.message}`);
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^feature 1 \\(${COMMUNITY}-06\\): Overlaps feature|Overlaps .*${COMMUNITY}-0[16]`),
        ),
        expect.stringMatching(
          new RegExp(`^feature 2 \\(${COMMUNITY}-07\\): .* % of it lies outside its 社区 ${COMMUNITY}`),
        ),
        expect.stringMatching(new RegExp(`^feature 3 \\(${COMMUNITY}-08\\): The outer ring crosses itself`)),
        expect.stringMatching(new RegExp(`^feature 4 \\(${COMMUNITY}-09\\): The outer ring is not closed`)),
        expect.stringMatching(
          new RegExp(`^feature 5 \\(${COMMUNITY}-06\\): The code ${COMMUNITY}-06 is also used by feature 1`),
        ),
        expect.stringMatching(/^feature 6 \(410105-999-001-01\): No 社区 for it/),
      ]),
    );
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses swapped latitude and longitude, projected metres without a system, and an empty file', async () => {
    const before = await fingerprint();
    const swapped = convert(GRIDS['01'], ([lng, lat]) => [lat, lng]);
    const swappedReport = await run({
      files: [
        file('s.geojson', {
          type: 'FeatureCollection',
          features: [feature({ code: `${COMMUNITY}-01`, name: 'x' }, swapped)],
        }),
      ],
    });
    expect(swappedReport.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('looks like lat/lng are swapped'),
    ]);
    const metres = convert(GRIDS['01'], ([lng, lat]) => [lng * 10_000, lat * 100_000]);
    const metresReport = await run({
      files: [
        file('m.geojson', {
          type: 'FeatureCollection',
          features: [feature({ code: `${COMMUNITY}-01`, name: 'x' }, metres)],
        }),
      ],
    });
    expect(metresReport.problems.map((p) => p.message)).toEqual([expect.stringContaining('projected metres')]);
    const empty = await run({ files: [file('empty.geojson', { type: 'FeatureCollection', features: [] })] });
    expect(empty.problems.map((p) => p.message)).toEqual(['The file holds no features']);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('figures', () => {
  it('reads a GBK CSV with a title row, thousands separators and a 合计 row, and records where each figure came from', async () => {
    const csv = gbkCsv([
      ['示范街道各社区基本情况统计表（2026年10月）'],
      ['社区编码', '社区名称', '常住人口', '户数', '流动人口'],
      [COMMUNITY, '示范社区', '12,345', '4,321', '1,002'],
      ['', '康乐社区', '9,100', '3,190', '800'],
      ['合计', '', '21,445', '7,511', '1,802'],
    ]);
    // Kept by the server from before the import, as a dashboard would have asked.
    const kangle = async () =>
      (await server.gql('{ summary(metrics: [POPULATION], communityCode: "kangle") { value } }')).data!.summary[0]
        .value;
    expect(await kangle()).not.toBe(9100);
    const report = await run({ files: [file('人口.csv', csv)] });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, kind: 'figures', updated: 2 });
    expect(report.notes.join('\n')).toMatch(/Row 1 skipped as a title/);
    expect(report.notes.join('\n')).toMatch(/Row 5 skipped: a total/);
    const answer = await server.gql(
      `{ community(code: "${COMMUNITY}") { population households figureSources { field file row asOf importedBy } } }`,
    );
    expect(answer.data!.community).toMatchObject({ population: 12345, households: 4321 });
    expect(answer.data!.community.figureSources).toContainEqual({
      field: 'population',
      file: '人口.csv',
      row: 3,
      asOf: '2026-10-30T16:00:00.000Z',
      importedBy: 'test',
    });
    expect((await server.db.community.findUniqueOrThrow({ where: { code: 'kangle' } })).population).toBe(9100);
    expect(await kangle()).toBe(9100);
    expect((await run({ files: [file('人口.csv', csv)] })).unchanged).toBe(2);
  });

  it('reads an XLSX sheet under a merged title, and refuses estimates, negatives and fractions of people by row', async () => {
    const good = await xlsx({
      sheet: '网格',
      title: '示范社区网格人口统计表',
      header: ['网格编码', '网格名称', '常住人口', '户数'],
      rows: [[`${COMMUNITY}-01`, '示范一网格', 1520, 610]],
    });
    const report = await run({ files: [file('网格.xlsx', good)] });
    expect(report.problems).toEqual([]);
    expect((await server.db.grid.findUniqueOrThrow({ where: { code: `${COMMUNITY}-01` } })).population).toBe(1520);

    const before = await fingerprint();
    const bad = await xlsx({
      sheet: '网格',
      title: '示范社区网格人口统计表',
      header: ['网格编码', '网格名称', '常住人口', '户数'],
      rows: [
        [`${COMMUNITY}-01`, '示范一网格', '约1600', 610],
        [`${COMMUNITY}-02`, '示范二网格', -5, 600],
        [`${COMMUNITY}-03`, '示范三网格', 12.5, 600],
        ['410105-901-001-99', '不存在', 100, 50],
      ],
    });
    const refused = await run({ files: [file('网格.xlsx', bad)] });
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => `${p.location} ${p.field}`)).toEqual([
      'row 3 population',
      'row 4 population',
      'row 5 population',
      'row 6 code',
    ]);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('cases', () => {
  const HEADER = ['工单号', '受理时间', '问题分类', '诉求内容', '经度', '纬度', '办结时间', '状态'];
  const [lng, lat] = centre(GRIDS['02']);
  const rows = (closed: string) => [
    ['12345-0001', '2026-11-02 08:15', '环境卫生', '小区门口垃圾堆积', lng, lat, '2026-11-03 10:00', '已办结'],
    ['12345-0002', '2026-11-05 21:40', '噪音扰民', '夜间施工噪音', lng, lat, closed, closed ? '已办结' : '办理中'],
    ['12345-0003', '2026-11-06 09:00', '宠物管理', '楼道内犬只便溺', lng, lat, '', '办理中'],
  ];

  it('places hotline tickets in grids by their coordinates, keeps them by ticket number, and keeps the rollups right', async () => {
    const sheet = await xlsx({ sheet: '工单', header: HEADER, rows: rows('') });
    const report = await run({ files: [file('12345工单.xlsx', sheet)] });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, kind: 'cases', created: 3 });
    expect(report.notes.join('\n')).toContain('category "宠物管理" is not known, filed as OTHER');
    const grid = await server.db.grid.findUniqueOrThrow({ where: { code: `${COMMUNITY}-02` } });
    const cases = await server.db.case.findMany({
      where: { externalId: { startsWith: '12345-' } },
      orderBy: { externalId: 'asc' },
    });
    expect(cases.map((c) => [c.gridId, c.category, c.status])).toEqual([
      [grid.id, 'SANITATION', 'CLOSED'],
      [grid.id, 'PUBLIC_ORDER', 'ACCEPTED'],
      [grid.id, 'OTHER', 'ACCEPTED'],
    ]);
    expect((await run({ files: [file('12345工单.xlsx', sheet)] })).unchanged).toBe(3);

    const later = await xlsx({ sheet: '工单', header: HEADER, rows: rows('2026-11-07 12:00') });
    expect(await run({ files: [file('12345工单.xlsx', later)] })).toMatchObject({
      updated: 1,
      unchanged: 2,
      created: 0,
    });
    expect(await server.db.case.count({ where: { externalId: { startsWith: '12345-' } } })).toBe(3);
    const rollups = await server.db.gridDayRollup.aggregate({
      where: { gridId: grid.id },
      _sum: { casesReported: true, casesClosed: true },
    });
    expect(rollups._sum).toEqual({ casesReported: 3, casesClosed: 2 });
  });
});

describe('boundary history', () => {
  it('redraws a community’s grids: changed ones get a new version, a missing one is retired, past maps draw the old ones', async () => {
    const asOf = '2026-11-15';
    const redrawn = {
      type: 'FeatureCollection',
      features: [
        feature({ code: COMMUNITY, name: '示范社区', level: '社区', parent: SUB_DISTRICT }, COMMUNITY_BOX),
        // 01 grows over 02's western half; 02 is gone; 03–05 stay as they are.
        feature({ code: `${COMMUNITY}-01`, name: '示范一网格' }, rectangle(113.7, 34.76, 113.715, 34.7675)),
        feature({ code: `${COMMUNITY}-06`, name: '示范六网格' }, rectangle(113.715, 34.76, 113.72, 34.7675)),
        ...(['03', '04', '05'] as const).map((n) =>
          feature({ code: `${COMMUNITY}-${n}`, name: `示范${n}网格` }, GRIDS[n]),
        ),
      ],
    };
    const report = await run({ files: [file('重划.geojson', redrawn)], asOf, preview: true });
    expect(report.problems).toEqual([]);
    expect({ ...report, preview: undefined }).toMatchObject({ ok: true, created: 1, retired: 1 });
    expect(report.notes.join('\n')).toContain(`Grid ${COMMUNITY}-02 is not in the file`);
    expect(report.preview!.features.map((f) => `${f.properties.code} ${f.properties.change}`)).toEqual(
      expect.arrayContaining([`${COMMUNITY}-06 created`, `${COMMUNITY}-01 updated`]),
    );
    const history = await server.gql(`{ grid(code: "${COMMUNITY}-01") { boundaryHistory { validFrom validTo } } }`);
    expect(history.data!.grid.boundaryHistory).toEqual([
      { validFrom: '2026-09-30T16:00:00.000Z', validTo: '2026-11-14T16:00:00.000Z' },
      { validFrom: '2026-11-14T16:00:00.000Z', validTo: null },
    ]);
    const grids = await server.gql(`{ community(code: "${COMMUNITY}") { grids { code } } }`);
    expect(grids.data!.community.grids.map((g: { code: string }) => g.code)).not.toContain(`${COMMUNITY}-02`);

    const map = async (to: string) => {
      const answer = await server.gql(
        `{ mapFeatures(level: GRID, communityCode: "${COMMUNITY}", metric: POPULATION, to: "${to}") }`,
      );
      return new Map(
        answer.data!.mapFeatures.features.map((f: { properties: { code: string }; geometry: Polygon }) => [
          f.properties.code,
          f.geometry.coordinates[0],
        ]),
      );
    };
    const october = await map('2026-10-31T00:00:00Z');
    expect([...october.keys()]).toContain(`${COMMUNITY}-02`);
    expect([...october.keys()]).not.toContain(`${COMMUNITY}-06`);
    expect(Math.max(...(october.get(`${COMMUNITY}-01`) as Position[]).map((p) => p[0]))).toBeCloseTo(113.71, 4);
    const now = await map(new Date().toISOString());
    expect([...now.keys()]).not.toContain(`${COMMUNITY}-02`);
    expect(Math.max(...(now.get(`${COMMUNITY}-01`) as Position[]).map((p) => p[0]))).toBeCloseTo(113.715, 4);
  });

  it('places a ticket by the boundaries of the day it was reported', async () => {
    // Inside the old 02 (retired on 15 November) and the new, larger 01.
    const point = [113.712, 34.763];
    const sheet = await xlsx({
      sheet: '工单',
      header: ['工单号', '受理时间', '问题分类', '诉求内容', '经度', '纬度'],
      rows: [
        ['T-before', '2026-11-01 10:00', '路灯', '路灯不亮', ...point],
        ['T-after', '2026-11-20 10:00', '路灯', '路灯不亮', ...point],
      ],
    });
    expect((await run({ files: [file('工单.xlsx', sheet)] })).problems).toEqual([]);
    const gridOf = async (ticket: string) =>
      (await server.db.case.findUniqueOrThrow({ where: { externalId: ticket }, include: { grid: true } })).grid.code;
    expect(await gridOf('T-before')).toBe(`${COMMUNITY}-02`);
    expect(await gridOf('T-after')).toBe(`${COMMUNITY}-01`);
  });

  it('fixes one place with upsertPlace, checked like a file, and retires one with retirePlace (admins only)', async () => {
    const upsert = `mutation($input: PlaceInput!) { upsertPlace(input: $input) { code change } }`;
    const bad = await server.gql(
      upsert,
      {
        input: {
          level: 'GRID',
          code: `${COMMUNITY}-07`,
          name: '七',
          boundary: rectangle(113.75, 34.76, 113.76, 34.77),
        },
      },
      TEST_ADMIN_TOKEN,
    );
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors![0].message).toContain('lies outside its 社区');
    const renamed = await server.gql(
      upsert,
      {
        input: {
          level: 'GRID',
          code: `${COMMUNITY}-06`,
          name: '示范六网格（新）',
          boundary: rectangle(113.715, 34.76, 113.72, 34.7675),
        },
      },
      TEST_ADMIN_TOKEN,
    );
    expect(renamed.data!.upsertPlace).toEqual({ code: `${COMMUNITY}-06`, change: 'updated' });
    expect(
      (await server.gql(upsert, { input: { level: 'GRID', code: 'x', name: 'x' } })).errors![0].extensions!.code,
    ).toBe('UNAUTHENTICATED');
    const retired = await server.gql(
      `mutation { retirePlace(code: "${COMMUNITY}-06") { change } }`,
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(retired.data!.retirePlace.change).toBe('retired');
    const grids = await server.gql(`{ community(code: "${COMMUNITY}") { grids { code } } }`);
    expect(grids.data!.community.grids.map((g: { code: string }) => g.code)).not.toContain(`${COMMUNITY}-06`);
  });
});

describe('the ways in', () => {
  const upload = (token: string | null, fields: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify({ type: 'FeatureCollection', features: [] })]), 'empty.geojson');
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return fetch(`${server.url}/api/imports`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
  };

  it('takes files at POST /api/imports from admins only, and answers with the report', async () => {
    expect((await upload(null, {})).status).toBe(401);
    const refused = await upload(TEST_ADMIN_TOKEN, { dryRun: 'true' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      ok: false,
      dryRun: true,
      problems: [{ message: 'The file holds no features' }],
    });
    expect((await upload(TEST_ADMIN_TOKEN, { kind: 'maps' })).status).toBe(400);
  });

  /** npm run import -- ARGS as its own process. */
  const cli = (args: string[]) => runCommand('import', args, { DATABASE_URL: database.url });

  it('exits 0 when imported or cleanly checked, 1 when refused, 2 for a usage error, and prints JSON with --json', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'import-'));
    const good = join(folder, '一网格.geojson');
    writeFileSync(
      good,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [feature({ code: `${COMMUNITY}-01`, name: '示范一网格' }, rectangle(113.7, 34.76, 113.715, 34.7675))],
      }),
    );
    const bad = join(folder, 'bad.geojson');
    writeFileSync(
      bad,
      JSON.stringify({ type: 'FeatureCollection', features: [feature({ name: '无编码' }, GRIDS['01'])] }),
    );

    const checked = await cli([good, '--dry-run', '--json']);
    expect(checked.code, checked.err).toBe(0);
    expect(JSON.parse(checked.out)).toMatchObject({ ok: true, dryRun: true, kind: 'boundaries', unchanged: 1 });
    const refused = await cli([bad]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('feature 1 [code]: No code (编码): every place needs one');
    expect(refused.out).toContain('refused, nothing changed');
    expect((await cli([])).code).toBe(2);
    expect((await cli([good, '--kind', 'maps'])).err.trim()).toBe(
      '--kind must be one of boundaries, figures, cases (see --help)',
    );
  });
});
