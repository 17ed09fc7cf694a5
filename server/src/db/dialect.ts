import type { Database, DatabaseKind } from './client';

/**
 * The only engine-specific SQL in the project. Rows inserted with explicit ids leave
 * PostgreSQL's serial sequences behind; move them past the largest id.
 */
export async function resetIdSequences(db: Database, kind: DatabaseKind, tables: readonly string[]): Promise<void> {
  if (kind !== 'postgresql') return;
  for (const table of tables) {
    await db.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`,
    );
  }
}
