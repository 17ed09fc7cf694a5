import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_KINDS, PRISMA_DIR, schemaFor } from './schemas';

/**
 * npm run migration:create -- NAME
 * Writes prisma/migrations/{sqlite,postgresql}/NNNN_NAME/migration.sql with Prisma's
 * differ, from the schema as of the last migration (kept as schema.prisma beside it)
 * to the current one.
 */
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name))
  throw new Error(
    'Give the migration a name of lower-case letters, digits and _, e.g. npm run migration:create -- add_case_tags',
  );

for (const kind of DATABASE_KINDS) {
  const folder = join(PRISMA_DIR, 'migrations', kind);
  mkdirSync(folder, { recursive: true });
  const existing = readdirSync(folder).sort();
  const previous = existing.at(-1);
  const from = previous ? ['--from-schema-datamodel', join(folder, previous, 'schema.prisma')] : ['--from-empty'];
  const schema = schemaFor(kind);
  const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'], {
    encoding: 'utf8',
  });
  const target = join(folder, `${String(existing.length + 1).padStart(4, '0')}_${name}`);
  if (existsSync(target)) throw new Error(`${target} exists already`);
  mkdirSync(target);
  writeFileSync(join(target, 'migration.sql'), sql);
  writeFileSync(join(target, 'schema.prisma'), readFileSync(schema, 'utf8'));
  console.log(`wrote ${target}`);
}
