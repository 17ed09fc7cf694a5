import type { Database, DatabaseKind } from '../../server/src/db/client';
import { resetIdSequences } from '../../server/src/db/dialect';
import { startOfDay } from '../../shared/time/buckets';
import { TABLE_ORDER } from './dataset';
import { seedDataset } from './seed-dataset';
import { delegateName, MODEL_OF, writeDataset } from './write';

/**
 * Load the seed into an empty database, all or nothing. Returns false when the
 * database already holds communities (a second start reuses the data).
 */
export async function seedIfEmpty(db: Database, kind: DatabaseKind, until = startOfDay(new Date())): Promise<boolean> {
  if ((await db.community.count()) > 0) return false;
  const data = seedDataset(until);
  await db.$transaction(async (tx) => {
    const delegates = tx as unknown as Record<string, { createMany(args: { data: unknown[] }): Promise<unknown> }>;
    await writeDataset((model, rows) => delegates[delegateName(model)].createMany({ data: rows }).then(() => undefined), data);
  }, { timeout: 600_000, maxWait: 60_000 });
  await resetIdSequences(db, kind, TABLE_ORDER.map((table) => MODEL_OF[table]));
  return true;
}
