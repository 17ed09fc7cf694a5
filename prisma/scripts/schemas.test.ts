import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivePostgresSchema, PRISMA_DIR } from './schemas';

const sqliteSchema = readFileSync(join(PRISMA_DIR, 'schema.prisma'), 'utf8');

describe('the PostgreSQL schema derived from the SQLite one', () => {
  it('changes the provider, the placeholder URL and the client folder, and nothing else', () => {
    const derived = derivePostgresSchema(sqliteSchema);
    expect(derived).toMatch(/provider = "postgresql"/);
    expect(derived).toMatch(/url\s+= "postgresql:\/\/unused"/);
    expect(derived).toMatch(/output\s+= "\.\.\/\.\.\/server\/generated\/postgresql"/);
    expect(derived).not.toMatch(/sqlite/);
    expect(derived.split('\n').length).toBe(sqliteSchema.split('\n').length);
  });

  it('fails loudly when the schema no longer has a line it must change', () => {
    expect(() => derivePostgresSchema(sqliteSchema.replace('provider = "sqlite"', 'provider = "sqlserver"'))).toThrow(
      /no longer has a line matching .*provider/,
    );
    expect(() => derivePostgresSchema(sqliteSchema.replace('../server/generated/sqlite', '../generated'))).toThrow(
      /output/,
    );
  });
});
