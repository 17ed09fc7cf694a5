import type { Database } from '../../db/client';
import type { Prisma } from '../../../generated/sqlite/client';
import { notFound } from '../../graphql/errors';

/** Every current community, with the columns `select` names (`communityColumns`). */
export function listCommunities(db: Database, select: Record<Prisma.CommunityScalarFieldEnum, true>) {
  return db.community.findMany({ select, where: { retiredAt: null }, orderBy: { id: 'asc' } });
}

export function findCommunity(db: Database, code: string) {
  return db.community.findUnique({ where: { code } });
}

export async function requireCommunity(db: Database, code: string) {
  const community = await findCommunity(db, code);
  if (!community) throw notFound(`Community "${code}"`);
  return community;
}
