import type { Database } from '../../db/client';

export function findBuilding(db: Database, code: string) {
  return db.building.findUnique({ where: { code } });
}
