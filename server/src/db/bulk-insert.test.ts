import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'libsql';
import { describe, expect, it } from 'vitest';
import { openBulkWriter } from './bulk-insert';

function emptyDatabase() {
  const file = join(mkdtempSync(join(tmpdir(), 'bulk-')), 'b.db');
  new Sqlite(file).exec(
    'CREATE TABLE "Log" ("id" INTEGER PRIMARY KEY, "at" TEXT NOT NULL, "done" INTEGER NOT NULL DEFAULT 0, "note" TEXT)',
  );
  return file;
}

describe('bulk writer (SQLite)', () => {
  it('writes dates as the Prisma adapter does and leaves omitted columns to their defaults', async () => {
    const file = emptyDatabase();
    const writer = await openBulkWriter(`file:${file}`);
    await writer.insert('Log', [
      { id: 1, at: new Date('2026-03-01T10:00:00Z'), note: 'a' },
      { id: 2, at: new Date('2026-03-02T10:00:00Z'), done: true },
    ]);
    await writer.close();
    expect(new Sqlite(file).prepare('SELECT * FROM "Log" ORDER BY id').all()).toEqual([
      { id: 1, at: '2026-03-01T10:00:00.000+00:00', done: 0, note: 'a' },
      { id: 2, at: '2026-03-02T10:00:00.000+00:00', done: 1, note: null },
    ]);
  });

  it('writes nothing at all when the transaction fails part way', async () => {
    const file = emptyDatabase();
    const writer = await openBulkWriter(`file:${file}`);
    await expect(
      writer.transaction(async () => {
        await writer.insert('Log', [{ id: 1, at: new Date() }]);
        await writer.insert('Log', [{ id: 1, at: new Date() }]);
      }),
    ).rejects.toThrow(/UNIQUE constraint failed/);
    await writer.close();
    expect(new Sqlite(file).prepare('SELECT COUNT(*) AS n FROM "Log"').get()).toEqual({ n: 0 });
  });
});
