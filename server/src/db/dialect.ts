import { Prisma } from '../../generated/sqlite/client';
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

/**
 * A point in time to compare with a timestamp column in raw SQL. PostgreSQL's `timestamp(3)`
 * columns hold UTC wall-clock time, which an ISO text cast to `timestamp` gives; SQLite's hold
 * the ISO text Prisma writes (`…+00:00`), which compares as text only in that same form.
 */
export function timeValue(kind: DatabaseKind, at: Date): Prisma.Sql {
  const iso = at.toISOString();
  return kind === 'postgresql' ? Prisma.sql`CAST(${iso} AS timestamp(3))` : Prisma.sql`${iso.replace('Z', '+00:00')}`;
}

/** Milliseconds from one timestamp column to another, exact to the millisecond. */
export function millisBetween(kind: DatabaseKind, from: string, to: string): Prisma.Sql {
  return Prisma.raw(
    kind === 'postgresql'
      ? `CAST(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000 AS DOUBLE PRECISION)`
      : `ROUND((julianday(${to}) - julianday(${from})) * 86400000)`,
  );
}
