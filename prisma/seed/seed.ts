import { databaseKind, type Database } from '../../server/src/db/client';
import { openBulkWriter } from '../../server/src/db/bulk-insert';
import { idSequenceResets } from '../../server/src/db/dialect';
import { startOfDay } from '../../shared/time/buckets';
import { TABLE_ORDER } from './dataset';
import { seedDataset } from './seed-dataset';
import { MODEL_OF, writeDataset } from './write';

/**
 * Load the seed into an empty database, all or nothing, through the bulk writer (the
 * first start takes about a second, not ten). Returns false when the database already
 * holds communities: a second start reuses the data.
 */
export async function seedIfEmpty(db: Database, databaseUrl: string, until = startOfDay(new Date())): Promise<boolean> {
  if ((await db.community.count()) > 0) return false;
  const data = seedDataset(until);
  const writer = await openBulkWriter(databaseUrl);
  try {
    await writer.transaction(async () => {
      await writeDataset((model, rows) => writer.insert(model, rows), data);
      const tables = TABLE_ORDER.map((table) => MODEL_OF[table]);
      for (const statement of idSequenceResets(databaseKind(databaseUrl), tables)) await writer.execute(statement);
    });
  } finally {
    await writer.close();
  }
  return true;
}
