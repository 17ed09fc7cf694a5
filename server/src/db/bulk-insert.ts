import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Sqlite from 'libsql';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { databaseKind } from './client';

type Row = Record<string, unknown>;

/**
 * A raw connection for bulk loads: Prisma's createMany is about 10× slower. PostgreSQL takes
 * rows through COPY, several times faster than multi-row INSERTs; SQLite through one
 * prepared statement in a transaction.
 */
export interface BulkWriter {
  /** Insert rows; in their own transaction unless inside `transaction`. */
  insert(table: string, rows: Row[]): Promise<void>;
  /** All inserts made by `work` land together or not at all. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** BEGIN/COMMIT around `work`, ROLLBACK when it fails; `insert` skips its own transaction meanwhile. */
function transactional(run: (sql: string) => Promise<unknown>) {
  let open = false;
  async function within<T>(work: () => Promise<T>): Promise<T> {
    if (open) return work();
    await run('BEGIN');
    open = true;
    try {
      const result = await work();
      await run('COMMIT');
      return result;
    } catch (error) {
      await run('ROLLBACK');
      throw error;
    } finally {
      open = false;
    }
  }
  return within;
}

/** DateTime as the Prisma SQLite adapter stores it (ISO text), booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

/**
 * A value in COPY's text format: \N for null; a date as UTC text, as Prisma stores it in a
 * TIMESTAMP column (the zone is dropped); the backslash and the characters that end a field
 * or a row escaped.
 */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
}

/** The rows as COPY text, a few thousand rows to a chunk. */
function* copyLines(rows: Row[], columns: string[]): Generator<string> {
  for (let start = 0; start < rows.length; start += 5000)
    yield rows
      .slice(start, start + 5000)
      .map((row) => `${columns.map((c) => copyText(row[c])).join('\t')}\n`)
      .join('');
}

/** Rows grouped by the columns they set, so that columns left out keep their defaults. */
function byColumns(rows: Row[]): [string[], Row[]][] {
  const groups = new Map<string, [string[], Row[]]>();
  for (const row of rows) {
    const columns = Object.keys(row).filter((c) => row[c] !== undefined);
    const key = columns.join(',');
    if (!groups.has(key)) groups.set(key, [columns, []]);
    groups.get(key)![1].push(row);
  }
  return [...groups.values()];
}

export async function openBulkWriter(url: string): Promise<BulkWriter> {
  if (databaseKind(url) === 'sqlite') {
    const db = new Sqlite(url.slice('file:'.length).split('?')[0]);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const transaction = transactional(async (sql) => db.exec(sql));
    return {
      insert: (table, rows) =>
        transaction(async () => {
          for (const [columns, group] of byColumns(rows)) {
            const statement = db.prepare(
              `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
            );
            for (const row of group) statement.run(columns.map((c) => sqliteValue(row[c])));
          }
        }),
      transaction,
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const transaction = transactional((sql) => client.query(sql));
  return {
    insert: (table, rows) =>
      transaction(async () => {
        for (const [columns, group] of byColumns(rows)) {
          const copy = client.query(
            copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
          );
          await pipeline(Readable.from(copyLines(group, columns)), copy);
        }
      }),
    transaction,
    async close() {
      await client.end();
    },
  };
}
