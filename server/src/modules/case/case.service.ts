import {
  allowedTransitions,
  canTransition,
  isOpen,
  isRework,
  NEEDS_APPROVAL,
  OPEN_STATUSES,
  STATUS_TIMESTAMP,
  type CaseStatus,
} from '../../../../shared/case/workflow';
import { CASE_DEADLINE_HOURS } from '../../../../shared/enums';
import { HOUR_MS, localDay } from '../../../../shared/time/buckets';
import { assertCanWrite, type Viewer } from '../../auth/viewer';
import type { Context } from '../../context';
import type { Database } from '../../db/client';
import { badInput, conflict, forbidden, illegalTransition, notFound } from '../../graphql/errors';
import { requireGridPlace } from '../grid/grid.service';
import { caseChange, caseContributions } from '../../../../shared/metrics/rollups';
import { once } from '../../graphql/idempotency';
import { boundedText, plausibleDate } from '../../graphql/input-bounds';
import { applyRollupDeltas } from '../rollup/rollup.service';
import type { CaseFilter, ReportCaseInput } from './case.input';
import { MAX_PAGE_SIZE } from '../../graphql/limits';
import { periodOfDays } from '../../graphql/period';
import type { CaseOrder } from '../../graphql/enums';
import type { Prisma } from '../../../generated/sqlite/client';

/** Each order sorts by keys that end in the unique id, so a cursor holding those keys marks one place in it. */
const ORDER_BY = {
  NEWEST: [{ id: 'desc' }],
  DEADLINE: [{ deadline: 'asc' }, { id: 'asc' }],
} satisfies Record<CaseOrder, Prisma.CaseOrderByWithRelationInput[]>;

function encodeCursor(order: CaseOrder, row: { id: number; deadline: Date }) {
  const keys = order === 'DEADLINE' ? `deadline:${row.deadline.getTime()}:${row.id}` : `case:${row.id}`;
  return Buffer.from(keys).toString('base64url');
}

/** The cases after a cursor, in the order it was given out for. */
function afterCursor(order: CaseOrder, cursor: string): Prisma.CaseWhereInput {
  const keys = Buffer.from(cursor, 'base64url').toString();
  const newest = /^case:(\d+)$/.exec(keys);
  if (order === 'NEWEST' && newest) return { id: { lt: Number(newest[1]) } };
  const deadline = /^deadline:(\d+):(\d+)$/.exec(keys);
  if (order === 'DEADLINE' && deadline) {
    const at = new Date(Number(deadline[1]));
    return { OR: [{ deadline: { gt: at } }, { deadline: at, id: { gt: Number(deadline[2]) } }] };
  }
  throw badInput(`"${cursor}" is not a cursor this API gave out for orderBy ${order}`);
}

function whereOf(filter: CaseFilter = {}, now = new Date()) {
  const statuses =
    filter.open || filter.overdue
      ? (filter.status ?? OPEN_STATUSES).filter((s) => OPEN_STATUSES.includes(s))
      : filter.status;
  return {
    ...(filter.communityCode ? { community: { code: filter.communityCode } } : {}),
    ...(filter.gridCode ? { grid: { code: filter.gridCode } } : {}),
    ...(statuses ? { status: { in: [...statuses] } } : {}),
    ...(filter.category ? { category: { in: filter.category } } : {}),
    ...(filter.overdue ? { deadline: { lt: now } } : {}),
    ...(filter.from || filter.to
      ? { reportedAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
}

/** A Relay connection in the order asked for; totalCount counts the whole filter, not the page. */
/**
 * A page of cases. The total is counted only when `counted`: over a city's cases it costs more
 * than the page (a wall's ticker of the latest 30 reads them from the newest id down, and the
 * count of two days' cases read 14,000 index entries).
 */
export async function listCases(
  db: Database,
  filter: CaseFilter | undefined,
  first = 50,
  after?: string,
  order: CaseOrder = 'NEWEST',
  counted = true,
) {
  if (first < 1 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`);
  const where = whereOf(filter);
  const [rows, totalCount] = await Promise.all([
    db.case.findMany({
      where: { AND: [where, after ? afterCursor(order, after) : {}] },
      orderBy: ORDER_BY[order],
      take: first + 1,
    }),
    counted ? db.case.count({ where }) : 0,
  ]);
  const page = rows.slice(0, first);
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(order, node), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(order, page.at(-1)!) : null },
    totalCount,
  };
}

export function findCase(db: Database, code: string) {
  return db.case.findUnique({ where: { code } });
}

/** A cases list to download: the filter of `cases`, with local calendar days for the report dates. */
export interface CaseExportFilter extends Omit<CaseFilter, 'from' | 'to'> {
  /** Reported on or after this day, YYYY-MM-DD in TIME_ZONE. */
  fromDay?: string;
  /** Reported on or before this day. */
  toDay?: string;
}

/**
 * Every case of a filter, newest first, a page at a time: an export streams them without
 * holding them all. Unknown places are refused here, before anything is sent.
 */
export async function casePages(db: Database, filter: CaseExportFilter, size = 1_000) {
  if (filter.communityCode && !(await db.community.findUnique({ where: { code: filter.communityCode } })))
    throw notFound(`Community "${filter.communityCode}"`);
  if (filter.gridCode && !(await db.grid.findUnique({ where: { code: filter.gridCode } })))
    throw notFound(`Grid "${filter.gridCode}"`);
  const days =
    filter.fromDay || filter.toDay ? periodOfDays(filter.fromDay ?? '2000-01-01', filter.toDay ?? '2100-12-31') : null;
  const where = whereOf({ ...filter, from: days?.start, to: days?.endExclusive });
  return (async function* () {
    let before: number | undefined;
    for (;;) {
      const page: Awaited<ReturnType<typeof casePage>> = await casePage(db, where, before, size);
      if (page.length) yield page;
      if (page.length < size) return;
      before = page.at(-1)!.id;
    }
  })();
}

function casePage(db: Database, where: ReturnType<typeof whereOf>, before: number | undefined, size: number) {
  return db.case.findMany({
    where: { ...where, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: 'desc' },
    take: size,
    include: {
      grid: { select: { code: true, name: true } },
      community: { select: { code: true, name: true, nameEn: true, subDistrict: { select: { code: true } } } },
    },
  });
}

export async function reportCase(ctx: Context, input: ReportCaseInput) {
  const { grid, place } = await requireGridPlace(ctx.db, input.gridCode);
  assertCanWrite(ctx.viewer, place);
  const description = boundedText(input.description, 'description', 1000, true)!;
  const reporterName = boundedText(input.reporterName, 'reporterName', 50);
  const reporterPhone = boundedText(input.reporterPhone, 'reporterPhone', 20);
  if (reporterPhone && !/^\+?[\d\s-]{3,20}$/.test(reporterPhone))
    throw badInput('reporterPhone must be digits, spaces, - and an optional leading +');
  const building = input.buildingCode
    ? await ctx.db.building.findUnique({ where: { code: input.buildingCode } })
    : null;
  if (input.buildingCode && building?.gridId !== grid.id)
    throw badInput(`Building "${input.buildingCode}" is not in grid ${grid.code}`);
  const reportedAt = new Date();
  const find = (code: string) => ctx.db.case.findUniqueOrThrow({ where: { code } });
  return once(ctx, 'reportCase', find, async (remember) => {
    const created = await ctx.db.$transaction(async (tx) => {
      const row = await tx.case.create({
        data: {
          code: `pending-${reportedAt.getTime()}-${Math.random()}`,
          category: input.category,
          source: input.source ?? 'PATROL',
          communityId: grid.communityId,
          gridId: grid.id,
          buildingId: building?.id ?? null,
          lat: building?.lat ?? grid.centroidLat,
          lng: building?.lng ?? grid.centroidLng,
          description,
          status: 'REPORTED',
          reporterName,
          reporterPhone,
          reportedAt,
          deadline: new Date(reportedAt.getTime() + CASE_DEADLINE_HOURS[input.category] * HOUR_MS),
          generated: false,
        },
      });
      const withCode = await tx.case.update({
        where: { id: row.id },
        data: { code: `${grid.code}-C${String(row.id).padStart(7, '0')}` },
      });
      await tx.caseEvent.create({
        data: {
          caseId: row.id,
          from: null,
          to: 'REPORTED',
          at: reportedAt,
          actor: ctx.viewer.name ?? ctx.viewer.role,
        },
      });
      await applyRollupDeltas(tx, caseContributions(withCode));
      await remember(tx, withCode.code);
      return withCode;
    });
    await ctx.live.publish({
      kind: 'CASE_REPORTED',
      communityCode: grid.community.code,
      subDistrictCode: place.subDistrictCode,
      gridCode: grid.code,
      at: reportedAt,
    });
    return created;
  });
}

/** Postponing a case or extending its deadline is approved by a leader or an admin, not done by a grid worker. */
function assertCanApprove(viewer: Viewer, what: string): void {
  if (viewer.role !== 'LEADER' && viewer.role !== 'ADMIN')
    throw forbidden(`${what} needs a leader's approval; a ${viewer.role.toLowerCase()} may not give it`);
}

/** The case and its grid, for a change by the viewer, who must answer for the grid. */
async function caseToChange(ctx: Context, code: string) {
  const current = await ctx.db.case.findUnique({ where: { code }, include: { grid: true } });
  if (!current) throw notFound(`Case "${code}"`);
  const { grid, place } = await requireGridPlace(ctx.db, current.grid.code);
  assertCanWrite(ctx.viewer, place);
  return { current, grid, place };
}

/** Tell the walls and dashboards of the case's scope that it changed (after the commit). */
function announceChange(
  ctx: Context,
  grid: Awaited<ReturnType<typeof caseToChange>>['grid'],
  place: Awaited<ReturnType<typeof caseToChange>>['place'],
  at: Date,
) {
  return ctx.live.publish({
    kind: 'CASE_TRANSITIONED',
    communityCode: grid.community.code,
    subDistrictCode: place.subDistrictCode,
    gridCode: grid.code,
    at,
  });
}

export async function transitionCase(ctx: Context, code: string, to: CaseStatus, note?: string) {
  const { current, grid, place } = await caseToChange(ctx, code);
  const from = current.status as CaseStatus;
  if (!canTransition(from, to)) {
    const allowed = allowedTransitions(from);
    throw illegalTransition(
      `Case ${code} is ${from}; it can move to ${allowed.length ? allowed.join(' or ') : 'nothing (it is finished)'}, not ${to}`,
    );
  }
  const reason = boundedText(note, 'note', 500);
  if (NEEDS_APPROVAL.includes(to)) {
    assertCanApprove(ctx.viewer, 'Postponing a case');
    if (!reason) throw badInput('Say why the case is postponed (note)');
  }
  const at = new Date();
  const updated = await ctx.db.$transaction(async (tx) => {
    // Only if nobody moved it meanwhile: the status is the version.
    const { count } = await tx.case.updateMany({
      where: { id: current.id, status: from },
      data: {
        status: to,
        [STATUS_TIMESTAMP[to]]: at,
        ...(isRework(from, to) ? { reworks: { increment: 1 } } : {}),
        // Dispatched again, the case is no longer postponed.
        ...(from === 'POSTPONED' ? { postponedAt: null } : {}),
      },
    });
    if (count !== 1) throw conflict(`Case ${code} was changed by someone else; reload it and try again`);
    const after = await tx.case.findUniqueOrThrow({ where: { id: current.id } });
    await tx.caseEvent.create({
      data: { caseId: current.id, from, to, at, actor: ctx.viewer.name ?? ctx.viewer.role, note: reason },
    });
    await applyRollupDeltas(tx, caseChange(current, after));
    return after;
  });
  await announceChange(ctx, grid, place, at);
  return updated;
}

/**
 * 延期: a leader approves a later deadline for an open case. The case keeps its state;
 * the event says until when and why, and the case counts as extended (延期率).
 */
export async function extendCaseDeadline(ctx: Context, code: string, deadline: Date, reason: string) {
  const { current, grid, place } = await caseToChange(ctx, code);
  assertCanApprove(ctx.viewer, 'Extending a deadline');
  const why = boundedText(reason, 'reason', 500, true)!;
  plausibleDate(deadline, 'deadline');
  const status = current.status as CaseStatus;
  if (!isOpen(status))
    throw illegalTransition(`Case ${code} is ${status}: only an open case's deadline can be extended`);
  if (deadline <= current.deadline)
    throw badInput(`The new deadline must lie after the current one (${current.deadline.toISOString()})`);
  const at = new Date();
  const updated = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.case.updateMany({
      where: { id: current.id, status, deadline: current.deadline },
      data: { deadline, extendedAt: current.extendedAt ?? at },
    });
    if (count !== 1) throw conflict(`Case ${code} was changed by someone else; reload it and try again`);
    await tx.caseEvent.create({
      data: {
        caseId: current.id,
        from: status,
        to: status,
        at,
        actor: ctx.viewer.name ?? ctx.viewer.role,
        note: `延期至 ${localDay(deadline)}：${why}`,
      },
    });
    return tx.case.findUniqueOrThrow({ where: { id: current.id } });
  });
  await announceChange(ctx, grid, place, at);
  return updated;
}
