import { createHash } from 'node:crypto';
import type { Database, Transaction } from '../../db/client';
import { MAX_IDS_PER_QUERY } from '../../db/limits';

/** Places not retired before `at`: a past period shows the grids of its time. */
export const existedAt = (at: Date) => ({ OR: [{ retiredAt: null }, { retiredAt: { gte: at } }] });

/**
 * The boundary each place had at `at`: its imported version valid then, or the current
 * one for a place never imported. A place whose versions all begin later is left out.
 */
export async function boundariesAt(
  db: Database,
  level: 'COMMUNITY' | 'GRID',
  rows: { code: string; boundary: string | null }[],
  at: Date,
): Promise<Map<string, string>> {
  const codes = rows.map((r) => r.code);
  // Many places (a city's tiles) read every version of the level rather than thousands of codes.
  const wanted = codes.length > MAX_IDS_PER_QUERY ? new Set(codes) : null;
  const versions = (
    await db.boundaryVersion.findMany({
      where: { level, ...(wanted ? {} : { code: { in: codes } }) },
      select: { code: true, boundary: true, validFrom: true, validTo: true },
    })
  ).filter((v) => !wanted || wanted.has(v.code));
  const versioned = new Set(versions.map((v) => v.code));
  const drawn = new Map(rows.filter((r) => !versioned.has(r.code)).map((r) => [r.code, r.boundary!]));
  for (const v of versions) if (v.validFrom < at && (!v.validTo || v.validTo >= at)) drawn.set(v.code, v.boundary);
  return drawn;
}

/** Set by every import or retirement of places: names change without a new boundary version. */
const PLACES_CHANGED = 'places.changed';

export async function markPlacesChanged(tx: Transaction): Promise<void> {
  const value = new Date().toISOString();
  await tx.setting.upsert({
    where: { key: PLACES_CHANGED },
    create: { key: PLACES_CHANGED, value },
    update: { value },
  });
}

/**
 * Which boundaries a map of a moment shows. What is drawn at `at` depends only on which
 * boundary versions began or ended and which places were retired before it, so every moment
 * after the latest such change (`epoch`) up to the next draws the same; `key` changes whenever
 * places are added, imported or retired. Tiles are cached by both.
 */
export interface BoundaryEpoch {
  epoch: Date;
  key: string;
}

export async function boundaryEpoch(db: Database, at: Date): Promise<BoundaryEpoch> {
  const before = { lt: at };
  const [communities, grids, versions, ended, retiredCommunity, retiredGrid, changed] = await Promise.all([
    db.community.aggregate({ _count: { _all: true }, _max: { id: true } }),
    db.grid.aggregate({ _count: { _all: true }, _max: { id: true } }),
    db.boundaryVersion.aggregate({ where: { validFrom: before }, _count: { _all: true }, _max: { validFrom: true } }),
    db.boundaryVersion.aggregate({ where: { validTo: before }, _count: { _all: true }, _max: { validTo: true } }),
    db.community.aggregate({ where: { retiredAt: before }, _count: { _all: true }, _max: { retiredAt: true } }),
    db.grid.aggregate({ where: { retiredAt: before }, _count: { _all: true }, _max: { retiredAt: true } }),
    db.setting.findUnique({ where: { key: PLACES_CHANGED } }),
  ]);
  const changes = [
    versions._max.validFrom,
    ended._max.validTo,
    retiredCommunity._max.retiredAt,
    retiredGrid._max.retiredAt,
  ].filter((t): t is Date => t !== null);
  const epoch = new Date(Math.max(0, ...changes.map((t) => t.getTime())));
  const counts = [communities, grids, versions, ended, retiredCommunity, retiredGrid].map((a) => a._count._all);
  const parts = [...counts, communities._max.id, grids._max.id, changed?.value];
  return { epoch, key: createHash('sha256').update(parts.join('/')).digest('base64url').slice(0, 12) };
}
