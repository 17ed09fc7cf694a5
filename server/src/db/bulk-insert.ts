import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Sqlite from 'libsql';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { databaseKind, type DatabaseKind } from './client';

type Row = Record<string, unknown>;

/**
 * Rows of one table in the form the database's bulk path takes them: COPY text for
 * PostgreSQL, value lists for SQLite. Plain data, so a worker thread can make them while
 * the writer sends the last ones.
 */
export interface EncodedRows {
  table: string;
  columns: string[];
  count: number;
  /** COPY text in pieces of a few thousand rows (PostgreSQL), or one value list per row (SQLite). */
  payload: string[] | unknown[][];
}

/**
 * A raw connection for bulk loads: Prisma's createMany is about 10× slower. PostgreSQL takes
 * rows through COPY, several times faster than multi-row INSERTs; SQLite through one
 * prepared statement in a transaction.
 */
export interface BulkWriter {
  /** Insert rows; in their own transaction unless inside `transaction`. */
  insert(table: string, rows: Row[]): Promise<void>;
  /** Insert rows made by `encodeRows` for this writer's database kind. */
  write(encoded: EncodedRows[]): Promise<void>;
  /** One statement on the writer's connection (inside its transaction, if one is open). */
  execute(sql: string): Promise<void>;
  /** All inserts made by `work` land together or not at all. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface BulkWriterOptions {
  /**
   * The rows are consistent by construction (parents written first, in the same
   * transaction), as in the generator: PostgreSQL may skip the per-row foreign-key
   * triggers, as pg_restore --disable-triggers does, where the role is allowed to.
   * They cost twice as much as the COPY itself.
   */
  trusted?: boolean;
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

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const dayTexts = new Map<number, string>();

/**
 * `date.toISOString()` at a fraction of its cost, which dominates a load of timestamps:
 * each day's text is made once, the time of day from ready-made digits.
 */
function isoText(date: Date): string {
  const ms = date.getTime();
  const day = Math.floor(ms / DAY_MS);
  let dayText = dayTexts.get(day);
  if (dayText === undefined) {
    const iso = date.toISOString();
    dayText = iso.slice(0, iso.indexOf('T') + 1);
    dayTexts.set(day, dayText);
  }
  const time = ms - day * DAY_MS;
  const seconds = Math.floor(time / 1000);
  return `${dayText}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[time % 1000]}Z`;
}

/**
 * A value in COPY's text format: \N for null; a date as UTC text, as Prisma stores it in a
 * TIMESTAMP column (the zone is dropped); the backslash and the characters that end a field
 * or a row escaped.
 */
function copyText(value: unknown): string {
  if (typeof value === 'string')
    return COPY_SPECIAL.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]) : value;
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return isoText(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return copyText(JSON.stringify(value));
}

/** The rows as COPY text, a few thousand rows to a piece. */
function copyPieces(rows: Row[], columns: string[]): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < rows.length; start += 5000) {
    const lines: string[] = [];
    for (const row of rows.slice(start, start + 5000)) {
      let line = copyText(row[columns[0]]);
      for (let i = 1; i < columns.length; i++) line += `\t${copyText(row[columns[i]])}`;
      lines.push(line);
    }
    pieces.push(`${lines.join('\n')}\n`);
  }
  return pieces;
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

/** Rows as a writer of this database kind takes them (see `EncodedRows`). */
export function encodeRows(kind: DatabaseKind, table: string, rows: Row[]): EncodedRows[] {
  return byColumns(rows).map(([columns, group]) => ({
    table,
    columns,
    count: group.length,
    payload:
      kind === 'postgresql' ? copyPieces(group, columns) : group.map((row) => columns.map((c) => sqliteValue(row[c]))),
  }));
}

/**
 * Encoded rows of the same table and columns as one, so that each goes in one statement;
 * tables in the order they first appear (parents first, as they were given).
 */
export function mergeEncoded(encoded: EncodedRows[]): EncodedRows[] {
  const merged = new Map<string, EncodedRows>();
  const tableRank = new Map<string, number>();
  for (const rows of encoded) {
    if (!tableRank.has(rows.table)) tableRank.set(rows.table, tableRank.size);
    const key = `${rows.table}(${rows.columns.join(',')})`;
    const into = merged.get(key);
    if (!into) merged.set(key, { ...rows, payload: [...rows.payload] as EncodedRows['payload'] });
    else {
      (into.payload as unknown[]).push(...rows.payload);
      into.count += rows.count;
    }
  }
  return [...merged.values()].sort((a, b) => tableRank.get(a.table)! - tableRank.get(b.table)!);
}

const columnList = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');

export async function openBulkWriter(url: string, options: BulkWriterOptions = {}): Promise<BulkWriter> {
  const kind = databaseKind(url);
  if (kind === 'sqlite') {
    const db = new Sqlite(url.slice('file:'.length).split('?')[0]);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const transaction = transactional(async (sql) => db.exec(sql));
    const write = (encoded: EncodedRows[]) =>
      transaction(async () => {
        for (const { table, columns, payload } of encoded) {
          const statement = db.prepare(
            `INSERT INTO "${table}" (${columnList(columns)}) VALUES (${columns.map(() => '?').join(', ')})`,
          );
          for (const values of payload as unknown[][]) statement.run(values);
        }
      });
    return {
      insert: (table, rows) => write(encodeRows(kind, table, rows)),
      write,
      execute: async (sql) => void db.exec(sql),
      transaction,
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A commit need not wait for its WAL to reach the disk: a crash loses at most the last
  // moments of a load, never its consistency.
  await client.query('SET synchronous_commit = off');
  if (options.trusted) await client.query('SET session_replication_role = replica').catch(() => undefined);
  const transaction = transactional((sql) => client.query(sql));
  const write = (encoded: EncodedRows[]) =>
    transaction(async () => {
      for (const { table, columns, payload } of encoded) {
        const copy = client.query(copyFrom(`COPY "${table}" (${columnList(columns)}) FROM STDIN`));
        await pipeline(Readable.from(payload as string[]), copy);
      }
    });
  return {
    insert: (table, rows) => write(encodeRows(kind, table, rows)),
    write,
    execute: async (sql) => void (await client.query(sql)),
    transaction,
    async close() {
      await client.end();
    },
  };
}
