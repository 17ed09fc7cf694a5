import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseKind } from '../../server/src/db/client';

export const PRISMA_DIR = join(dirname(new URL(import.meta.url).pathname), '..');
export const DATABASE_KINDS: readonly DatabaseKind[] = ['sqlite', 'postgresql'];

/**
 * The schema file for a database kind. prisma/schema.prisma is the only one kept in
 * git; the PostgreSQL variant differs in the provider and the client's output folder
 * and is derived from it into prisma/.generated/.
 */
export function schemaFor(kind: DatabaseKind): string {
  const source = join(PRISMA_DIR, 'schema.prisma');
  if (kind === 'sqlite') return source;
  const derived = readFileSync(source, 'utf8')
    .replace('provider = "sqlite"', `provider = "${kind}"`)
    .replace('url      = "file:./unused.db"', 'url      = "postgresql://unused"')
    .replace('output     = "../server/generated/sqlite"', `output     = "../../server/generated/${kind}"`);
  const target = join(PRISMA_DIR, '.generated', `${kind}.prisma`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, derived);
  return target;
}
