import type { DatabaseKind } from './client';

/**
 * The only engine-specific SQL in the project. Rows inserted with explicit ids leave
 * PostgreSQL's serial sequences behind: these statements move them past the largest id.
 */
export function idSequenceResets(kind: DatabaseKind, tables: readonly string[]): string[] {
  if (kind !== 'postgresql') return [];
  return tables.map(
    (table) =>
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`,
  );
}
