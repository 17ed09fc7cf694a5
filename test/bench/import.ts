import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'libsql';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { createLocalLiveEvents } from '../../server/src/live/live-events';
import { runImport, type ImportProgress } from '../../server/src/modules/import/import.service';
import { rectangle } from '../import-files';

/**
 * npm run bench:import: a city district's boundaries (COMMUNITIES communities of
 * GRIDS_PER_COMMUNITY grids) and a hotline export of CASES tickets placed by their
 * coordinates, through the importer's full path (read, convert, check topology, write in
 * one transaction), against the same rows inserted by raw SQL into the same database
 * kind in the same run: the floor any importer stands on.
 */
const COMMUNITIES = Number(process.env.BENCH_COMMUNITIES ?? 500);
const GRIDS_PER_COMMUNITY = 20;
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const [WEST, SOUTH] = [113.5, 34.6];
const COMMUNITY_DEGREES = 0.02;
const PER_ROW = Math.ceil(Math.sqrt(COMMUNITIES));

/** Communities in rows of squares; each split into 4 × 5 grids. */
function boundaries() {
  const features: unknown[] = [
    { type: 'Feature', properties: { 编码: '410105-950', 名称: '基准街道', 层级: '街道' }, geometry: null },
  ];
  for (let c = 0; c < COMMUNITIES; c++) {
    const west = WEST + (c % PER_ROW) * COMMUNITY_DEGREES;
    const south = SOUTH + Math.floor(c / PER_ROW) * COMMUNITY_DEGREES;
    const code = `410105-950-${String(c + 1).padStart(3, '0')}`;
    features.push({
      type: 'Feature',
      properties: { 编码: code, 名称: `基准${c + 1}社区`, 层级: '社区' },
      geometry: rectangle(west, south, west + COMMUNITY_DEGREES, south + COMMUNITY_DEGREES),
    });
    for (let g = 0; g < GRIDS_PER_COMMUNITY; g++) {
      const [dx, dy] = [COMMUNITY_DEGREES / 4, COMMUNITY_DEGREES / 5];
      const [w, s] = [west + (g % 4) * dx, south + Math.floor(g / 4) * dy];
      features.push({
        type: 'Feature',
        properties: { 编码: `${code}-${String(g + 1).padStart(2, '0')}`, 名称: `第${g + 1}网格`, 层级: '网格' },
        geometry: rectangle(w, s, w + dx, s + dy),
      });
    }
  }
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** A 12345 export: ticket, time, category, text, and a point inside some grid. */
function hotline() {
  const lines = ['工单号,受理时间,问题分类,诉求内容,经度,纬度,办结时间'];
  for (let i = 0; i < CASES; i++) {
    const c = i % COMMUNITIES;
    const lng =
      WEST + (c % PER_ROW) * COMMUNITY_DEGREES + (((i * 7919) % 997) / 997) * COMMUNITY_DEGREES * 0.98 + 0.0001;
    const lat =
      SOUTH +
      Math.floor(c / PER_ROW) * COMMUNITY_DEGREES +
      (((i * 104729) % 991) / 991) * COMMUNITY_DEGREES * 0.98 +
      0.0001;
    const day = 1 + (i % 28);
    const closed = i % 3 ? `2026-10-${String(day).padStart(2, '0')} 18:00` : '';
    lines.push(
      `B${i + 1},2026-10-${String(day).padStart(2, '0')} 09:30,环境卫生,垃圾堆积${i},${lng.toFixed(6)},${lat.toFixed(6)},${closed}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

function progressPrinter(label: string) {
  let last = 0;
  return ({ phase, done, total }: ImportProgress) => {
    if (Date.now() - last < 2_000 && phase !== 'done') return;
    last = Date.now();
    process.stderr.write(`  ${label}: ${phase} ${done}/${total}\n`);
  };
}

const folder = mkdtempSync(join(tmpdir(), 'gridscope-bench-import-'));
const databaseUrl = `file:${join(folder, 'bench.db')}`;
try {
  const { db } = await prepareDatabase(readConfig({ DATABASE_URL: databaseUrl, SEED_ON_START: 'false' }));
  const live = createLocalLiveEvents();
  /** A dry run (read, convert, check) and then the import itself, each timed. */
  const timed = async (label: string, rows: number, name: string, bytes: Buffer) => {
    const run = async (dryRun: boolean) => {
      const started = performance.now();
      const report = await runImport(
        db,
        live,
        { files: [{ name, bytes }], dryRun, actor: 'bench' },
        progressPrinter(label),
      );
      if (!report.ok) throw new Error(`${label} refused: ${JSON.stringify(report.problems.slice(0, 3))}`);
      return (performance.now() - started) / 1000;
    };
    const checkSeconds = await run(true);
    const seconds = await run(false);
    return { label, rows, checkSeconds, seconds, perSecond: rows / seconds };
  };
  const places = 1 + COMMUNITIES * (1 + GRIDS_PER_COMMUNITY);
  const results = [
    await timed('boundaries (GeoJSON)', places, 'districts.geojson', boundaries()),
    await timed('12345 cases (CSV, placed by coordinates)', CASES, '12345.csv', hotline()),
  ];
  await db.$disconnect();

  // The floor: the same number of rows of the same width by one prepared INSERT in one transaction.
  const raw = new Sqlite(join(folder, 'bench.db'));
  raw.exec(
    'CREATE TABLE floor_rows (id INTEGER PRIMARY KEY, code TEXT, name TEXT, boundary TEXT, at TEXT, value REAL)',
  );
  const insert = raw.prepare('INSERT INTO floor_rows (code, name, boundary, at, value) VALUES (?, ?, ?, ?, ?)');
  const floor = (rows: number) => {
    const started = performance.now();
    raw.exec('BEGIN');
    for (let i = 0; i < rows; i++) insert.run(`C${i}`, `name ${i}`, '[[113.5,34.6],[113.6,34.7]]', '2026-10-01', i);
    raw.exec('COMMIT');
    return rows / ((performance.now() - started) / 1000);
  };
  console.log(
    `\nImport: ${COMMUNITIES} communities × ${GRIDS_PER_COMMUNITY} grids, ${CASES.toLocaleString('en')} hotline tickets (SQLite)\n`,
  );
  console.log(
    '| import | rows | check only (s) | import (s) | rows/s | raw SQL INSERT rows/s | share of raw |\n|---|---|---|---|---|---|---|',
  );
  for (const r of results) {
    const baseline = floor(r.rows);
    console.log(
      `| ${r.label} | ${r.rows.toLocaleString('en')} | ${r.checkSeconds.toFixed(1)} | ${r.seconds.toFixed(1)} | ${Math.round(r.perSecond).toLocaleString('en')} | ${Math.round(baseline).toLocaleString('en')} | ${((r.perSecond / baseline) * 100).toFixed(1)} % |`,
    );
  }
  raw.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
