import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseKind } from '../../server/src/db/client';

export const PRISMA_DIR = join(dirname(new URL(import.meta.url).pathname), '..');
export const DATABASE_KINDS: readonly DatabaseKind[] = ['sqlite', 'postgresql'];

/** What differs between the SQLite schema and the PostgreSQL one: the provider, a placeholder URL, the client's folder. */
const POSTGRESQL_CHANGES: [RegExp, string][] = [
  [/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"'],
  [/^(\s*url\s*=\s*)"file:[^"]*"/m, '$1"postgresql://unused"'],
  [/^(\s*output\s*=\s*)"\.\.\/server\/generated\/sqlite"/m, '$1"../../server/generated/postgresql"'],
];

/** The PostgreSQL variant of the schema text; throws when a line it must change is not there, rather than emit a SQLite schema under another name. */
export function derivePostgresSchema(sqliteSchema: string): string {
  return POSTGRESQL_CHANGES.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text))
      throw new Error(
        `prisma/schema.prisma no longer has a line matching ${pattern}: update POSTGRESQL_CHANGES in prisma/scripts/schemas.ts`,
      );
    return text.replace(pattern, replacement);
  }, sqliteSchema);
}

/**
 * The schema file for a database kind. prisma/schema.prisma is the only one kept in
 * git; the PostgreSQL variant is derived from it into prisma/.generated/.
 */
export function schemaFor(kind: DatabaseKind): string {
  const source = join(PRISMA_DIR, 'schema.prisma');
  if (kind === 'sqlite') return source;
  const target = join(PRISMA_DIR, '.generated', `${kind}.prisma`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, derivePostgresSchema(readFileSync(source, 'utf8')));
  return target;
}
