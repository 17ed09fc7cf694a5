import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBulkWriter } from '../../server/src/db/bulk-insert';
import { connectDatabase, type Database } from '../../server/src/db/client';
import { seededDatabase, type ScratchDatabase } from './databases';

let database: ScratchDatabase;
let db: Database;
beforeAll(async () => {
  database = await seededDatabase();
  db = await connectDatabase(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

it('writes rows that Prisma reads back as written: tabs, newlines, backslashes, nulls, dates and booleans', async () => {
  const subDistrict = await db.subDistrict.findFirstOrThrow();
  const awkward = 'a\tb\nc\r\\d "e", \\N f';
  const writer = await openBulkWriter(database.url);
  await writer.insert('Community', [
    {
      code: 'bulk-1',
      name: awkward,
      nameEn: 'Bulk',
      subDistrictId: subDistrict.id,
      source: 'test',
      populationAtLeast: true,
      areaKm2: 0.125,
      founded: new Date('2026-03-01T10:00:00.123Z'),
      households: null,
    },
  ]);
  await writer.close();
  const written = await db.community.findUniqueOrThrow({ where: { code: 'bulk-1' } });
  expect(written).toMatchObject({
    name: awkward,
    populationAtLeast: true,
    areaKm2: 0.125,
    founded: new Date('2026-03-01T10:00:00.123Z'),
    households: null,
    generatedFields: '[]',
  });
});

it('writes nothing of a transaction that fails part way', async () => {
  const subDistrict = await db.subDistrict.findFirstOrThrow();
  const row = (code: string) => ({ code, name: code, nameEn: code, subDistrictId: subDistrict.id, source: 'test' });
  const writer = await openBulkWriter(database.url);
  await expect(
    writer.transaction(async () => {
      await writer.insert('Community', [row('bulk-2')]);
      await writer.insert('Community', [row('bulk-2')]);
    }),
  ).rejects.toThrow();
  await writer.close();
  expect(await db.community.count({ where: { code: 'bulk-2' } })).toBe(0);
});
