import type { Database } from '../../db/client';
import { notFound } from '../../graphql/errors';

export function listCommunities(db: Database) {
  return db.community.findMany({ where: { retiredAt: null }, orderBy: { id: 'asc' } });
}

export function findCommunity(db: Database, code: string) {
  return db.community.findUnique({ where: { code } });
}

export async function requireCommunity(db: Database, code: string) {
  const community = await findCommunity(db, code);
  if (!community) throw notFound(`Community "${code}"`);
  return community;
}
