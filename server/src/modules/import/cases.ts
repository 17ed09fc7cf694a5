import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CaseStatus } from '../../../../shared/case/workflow';
import { CASE_CATEGORIES, CASE_DEADLINE_HOURS, type CaseCategory } from '../../../../shared/enums';
import { caseChange, caseContributions, type RollupDelta } from '../../../../shared/metrics/rollups';
import type { Database, Transaction } from '../../db/client';
import { ROWS_PER_INSERT } from '../../db/limits';
import { applyRollupDeltasInBulk } from '../rollup/rollup.service';
import type { Transform } from './coordinates';
import { parseDate } from './fields';
import type { Findings } from './report';
import type { Sheet } from './sheet';

const HOUR_MS = 3_600_000;

/** Words of hotline category texts and the category each means; the admin adds more with --map category:文本=CATEGORY. */
const CATEGORY_WORDS: [RegExp, CaseCategory][] = [
  [/环境|卫生|垃圾|环卫|保洁/, 'SANITATION'],
  [/设施|市政|路灯|下水|管道|井盖|道路|漏水/, 'FACILITY'],
  [/纠纷|邻里|矛盾|调解/, 'DISPUTE'],
  [/安全|隐患|消防|电动车|燃气/, 'SAFETY'],
  [/违建|违章|搭建/, 'ILLEGAL_STRUCTURE'],
  [/治安|噪音|噪声|扰民/, 'PUBLIC_ORDER'],
  [/民生|救助|养老|低保|就业/, 'WELFARE'],
  [/市场|占道|摊贩|经营|价格/, 'MARKET'],
];

interface LocatableGrid {
  id: number;
  boundary: string | null;
  minLat: number | null;
  maxLat: number | null;
  minLng: number | null;
  maxLng: number | null;
}

/** Cells of 0.01° (about 1 km) that index grids by their bounding boxes: a point is tested against the few grids near it. */
function gridLocator<G extends LocatableGrid>(grids: G[]): (lng: number, lat: number) => G | undefined {
  const cell = (value: number) => Math.floor(value * 100);
  const cells = new Map<string, { grid: G; shape: Polygon | MultiPolygon }[]>();
  for (const grid of grids) {
    if (!grid.boundary || grid.minLat === null) continue;
    const entry = { grid, shape: JSON.parse(grid.boundary) as Polygon | MultiPolygon };
    for (let x = cell(grid.minLng!); x <= cell(grid.maxLng!); x++)
      for (let y = cell(grid.minLat); y <= cell(grid.maxLat!); y++) {
        const key = `${x},${y}`;
        cells.set(key, [...(cells.get(key) ?? []), entry]);
      }
  }
  return (lng, lat) =>
    cells.get(`${cell(lng)},${cell(lat)}`)?.find((entry) => booleanPointInPolygon([lng, lat], entry.shape))?.grid;
}

/**
 * The grid a point lay in at a time: a boundary version closed since (a grid redrawn or
 * retired) if one held then, else today's grids. A case keeps the grid it was reported in.
 */
async function locatorAtTime<G extends LocatableGrid & { code: string; retiredAt: Date | null }>(
  db: Database,
  grids: G[],
) {
  const today = gridLocator(grids.filter((g) => !g.retiredAt));
  const versions = await db.boundaryVersion.findMany({ where: { level: 'GRID', validTo: { not: null } } });
  const byCode = new Map(grids.map((g) => [g.code, g]));
  const past = versions
    .filter((v) => byCode.has(v.code))
    .map((v) => ({ ...v, grid: byCode.get(v.code)!, shape: JSON.parse(v.boundary) as Polygon | MultiPolygon }));
  return (lng: number, lat: number, at: Date): G | undefined => {
    const then = past.find((v) => v.validFrom <= at && at < v.validTo! && booleanPointInPolygon([lng, lat], v.shape));
    return then ? then.grid : today(lng, lat);
  };
}

export interface CaseDraft {
  location: string;
  externalId: string;
  gridId: number;
  communityId: number;
  gridCode: string;
  category: CaseCategory;
  description: string;
  status: CaseStatus;
  reportedAt: Date;
  closedAt: Date | null;
  deadline: Date;
  lat: number | null;
  lng: number | null;
}

export interface CasePlan {
  created: CaseDraft[];
  updated: CaseDraft[];
  unchanged: number;
}

function categoryOf(text: string, extra: Map<string, string>, findings: Findings, location: string): CaseCategory {
  const mapped = extra.get(text);
  if (mapped && (CASE_CATEGORIES as readonly string[]).includes(mapped)) return mapped as CaseCategory;
  const found = CATEGORY_WORDS.find(([words]) => words.test(text));
  if (found) return found[1];
  findings.note(`${location}: category "${text}" is not known, filed as OTHER (add --map category:${text}=CATEGORY)`);
  return 'OTHER';
}

/** 办结/已办结/结案 → closed, 退回/不予受理 → rejected; else open, accepted (立案) as the hotline passed it on. */
function statusOf(text: string | undefined, closedAt: Date | null): CaseStatus {
  if (text && /退回|不予|驳回/.test(text)) return 'REJECTED';
  if (closedAt || (text && /办结|结案|已完成|关闭/.test(text))) return 'CLOSED';
  return 'ACCEPTED';
}

/**
 * Each row becomes a case keyed by its ticket number. Its grid comes from a grid code or
 * name column, or from coordinates by point-in-polygon against the grids' boundaries.
 */
export async function planCases(
  db: Database,
  sheet: Sheet,
  transform: Transform,
  categories: Map<string, string>,
  findings: Findings,
): Promise<CasePlan> {
  const grids = await db.grid.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      communityId: true,
      boundary: true,
      minLat: true,
      maxLat: true,
      minLng: true,
      maxLng: true,
      retiredAt: true,
    },
  });
  const byCode = new Map(grids.map((g) => [g.code, g]));
  const byName = new Map(grids.map((g) => [g.name, g]));
  const locate = await locatorAtTime(db, grids);
  const tickets = new Map<string, string>();
  const drafts: CaseDraft[] = [];
  for (const record of sheet.records) {
    const v = record.values;
    const where = v.ticket ? `${record.location} (${v.ticket})` : record.location;
    const missing = (['ticket', 'reportedAt', 'description'] as const).filter((field) => !v[field]);
    for (const field of missing)
      findings.problem(
        where,
        field,
        `No ${field} (${{ ticket: '工单号', reportedAt: '受理时间', description: '诉求内容' }[field]})`,
      );
    if (missing.length) continue;
    if (tickets.has(v.ticket!)) {
      findings.problem(where, 'ticket', `The ticket ${v.ticket} is also on ${tickets.get(v.ticket!)}`);
      continue;
    }
    tickets.set(v.ticket!, record.location);
    const reportedAt = parseDate(v.reportedAt!);
    if (!reportedAt) findings.problem(where, 'reportedAt', `"${v.reportedAt}" is not a date and time`);
    const closedAt = v.closedAt ? parseDate(v.closedAt) : null;
    if (v.closedAt && !closedAt) findings.problem(where, 'closedAt', `"${v.closedAt}" is not a date and time`);
    const deadline = v.deadline ? parseDate(v.deadline) : null;
    if (v.deadline && !deadline) findings.problem(where, 'deadline', `"${v.deadline}" is not a date and time`);
    if (reportedAt && closedAt && closedAt < reportedAt)
      findings.problem(where, 'closedAt', 'Closed before it was reported');

    let lat: number | null = null;
    let lng: number | null = null;
    let grid = v.gridCode ? (byCode.get(v.gridCode) ?? byName.get(v.gridCode)) : undefined;
    if (v.gridCode && !grid) findings.problem(where, 'gridCode', `No grid "${v.gridCode}"`);
    if (!v.gridCode) {
      const x = Number(v.lng);
      const y = Number(v.lat);
      if (!v.lng || !v.lat || !Number.isFinite(x) || !Number.isFinite(y)) {
        findings.problem(where, 'gridCode', 'Neither a grid (所属网格) nor coordinates (经度, 纬度) to place it');
        continue;
      }
      [lng, lat] = transform.apply([x, y]);
      if (reportedAt) grid = locate(lng, lat, reportedAt);
      if (!grid) findings.problem(where, 'lng', `(${x}, ${y}) lies in no grid`);
    }
    if (!grid || !reportedAt || (v.closedAt && !closedAt) || (v.deadline && !deadline)) continue;
    const category = categoryOf(v.category ?? '', categories, findings, where);
    drafts.push({
      location: where,
      externalId: v.ticket!,
      gridId: grid.id,
      communityId: grid.communityId,
      gridCode: grid.code,
      category,
      description: v.description!,
      status: statusOf(v.status, closedAt),
      reportedAt,
      closedAt,
      deadline: deadline ?? new Date(reportedAt.getTime() + CASE_DEADLINE_HOURS[category] * HOUR_MS),
      lat: lat ?? null,
      lng: lng ?? null,
    });
  }
  const existing = new Map(
    (await db.case.findMany({ where: { externalId: { in: drafts.map((d) => d.externalId) } } })).map((c) => [
      c.externalId!,
      c,
    ]),
  );
  const plan: CasePlan = { created: [], updated: [], unchanged: 0 };
  for (const draft of drafts) {
    const before = existing.get(draft.externalId);
    if (!before) plan.created.push(draft);
    else if (
      before.gridId !== draft.gridId ||
      before.category !== draft.category ||
      before.description !== draft.description ||
      before.status !== draft.status ||
      before.reportedAt.getTime() !== draft.reportedAt.getTime() ||
      before.closedAt?.getTime() !== draft.closedAt?.getTime() ||
      before.deadline.getTime() !== draft.deadline.getTime()
    )
      plan.updated.push(draft);
    else plan.unchanged++;
  }
  return plan;
}

/** The case columns of a draft: the workflow's timestamps follow from its status. */
function caseColumns(draft: CaseDraft) {
  return {
    gridId: draft.gridId,
    communityId: draft.communityId,
    category: draft.category,
    description: draft.description,
    status: draft.status,
    reportedAt: draft.reportedAt,
    acceptedAt: draft.status === 'REJECTED' ? null : draft.reportedAt,
    rejectedAt: draft.status === 'REJECTED' ? draft.reportedAt : null,
    closedAt: draft.status === 'CLOSED' ? (draft.closedAt ?? draft.reportedAt) : null,
    deadline: draft.deadline,
    lat: draft.lat,
    lng: draft.lng,
  };
}

/**
 * Write new and changed cases with their history, in batches, and bring the rollups up
 * to date with one upsert per grid and day, inside the caller's transaction.
 */
export async function writeCases(
  tx: Transaction,
  plan: CasePlan,
  actor: string,
  onProgress: (done: number) => void,
): Promise<void> {
  const deltas: RollupDelta[] = [];
  let done = 0;
  for (let start = 0; start < plan.created.length; start += ROWS_PER_INSERT) {
    const rows = await tx.case.createManyAndReturn({
      data: plan.created.slice(start, start + ROWS_PER_INSERT).map((draft) => ({
        code: `${draft.gridCode}-H${draft.externalId}`,
        externalId: draft.externalId,
        source: 'HOTLINE_12345',
        generated: false,
        ...caseColumns(draft),
      })),
    });
    // Reported, then accepted, closed or returned by the hotline before it reached us.
    await tx.caseEvent.createMany({
      data: rows.flatMap((row) => [
        { caseId: row.id, from: null, to: 'REPORTED', at: row.reportedAt, actor },
        {
          caseId: row.id,
          from: 'REPORTED',
          to: row.status,
          at: row.closedAt ?? row.reportedAt,
          actor,
          note: 'imported',
        },
      ]),
    });
    deltas.push(...rows.flatMap(caseContributions));
    onProgress((done += rows.length));
  }
  for (const draft of plan.updated) {
    const before = await tx.case.findUniqueOrThrow({ where: { externalId: draft.externalId } });
    const after = await tx.case.update({ where: { id: before.id }, data: caseColumns(draft) });
    if (before.status !== after.status)
      await tx.caseEvent.create({
        data: { caseId: after.id, from: before.status, to: after.status, at: new Date(), actor, note: 'imported' },
      });
    deltas.push(...caseChange(before, after));
    if (++done % ROWS_PER_INSERT === 0) onProgress(done);
  }
  await applyRollupDeltasInBulk(tx, deltas);
  onProgress(done);
}
