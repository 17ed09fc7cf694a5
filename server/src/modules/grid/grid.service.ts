import type { GridPlace } from '../../auth/viewer';
import type { Context } from '../../context';
import type { Database } from '../../db/client';
import { notFound } from '../../graphql/errors';

export function findGrid(db: Database, code: string) {
  return db.grid.findUnique({ where: { code } });
}

/** A grid with the codes that decide who may see and change its data. */
export async function requireGridPlace(db: Database, code: string) {
  const grid = await db.grid.findUnique({
    where: { code },
    include: { community: { include: { subDistrict: true } } },
  });
  if (!grid) throw notFound(`Grid "${code}"`);
  const place: GridPlace = {
    gridCode: grid.code,
    communityCode: grid.community.code,
    subDistrictCode: grid.community.subDistrict.code,
  };
  return { grid, place };
}

/** Where a grid sits, through the request's loaders (for personal-data checks on many rows). */
export async function loadGridPlace(ctx: Context, gridId: number): Promise<GridPlace> {
  const grid = await ctx.loaders.gridById.load(gridId);
  const community = await ctx.loaders.communityById.load(grid.communityId);
  const subDistrict = await ctx.loaders.subDistrictById.load(community.subDistrictId);
  return { gridCode: grid.code, communityCode: community.code, subDistrictCode: subDistrict.code };
}
