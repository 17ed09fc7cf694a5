import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Sqlite from 'libsql';
import { readConfig } from '../config';
import { databaseKind, sqlitePath } from '../db/client';

/**
 * npm run backup -- FILE: a consistent copy of the SQLite database while the server runs
 * and writes (SQLite's VACUUM INTO reads one snapshot). PostgreSQL has pg_dump for this.
 */
const [target] = process.argv.slice(2);
const { databaseUrl } = readConfig();
if (!target || target.startsWith('-')) {
  console.error('Usage: npm run backup -- FILE   (SQLite; for PostgreSQL use pg_dump -Fc)');
  process.exit(2);
}
if (databaseKind(databaseUrl) !== 'sqlite') {
  console.error('DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc "$DATABASE_URL" > FILE (see README → Deploy)');
  process.exit(2);
}
const file = resolve(target);
if (existsSync(file)) {
  console.error(`${file} exists: name a new file, a backup never overwrites one`);
  process.exit(1);
}
const started = Date.now();
const db = new Sqlite(sqlitePath(databaseUrl), { readonly: true });
db.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
db.close();
console.log(`backed up ${sqlitePath(databaseUrl)} to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
