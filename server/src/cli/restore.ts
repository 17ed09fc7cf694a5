import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Sqlite from 'libsql';
import { readConfig } from '../config';
import { databaseKind, sqlitePath } from '../db/client';

/**
 * npm run restore -- FILE: put a backup in place of the SQLite database, with the
 * service stopped. The backup is checked first; the database it replaces is kept beside
 * it as .before-restore. PostgreSQL restores with pg_restore.
 */
const [source] = process.argv.slice(2);
const { databaseUrl } = readConfig();
if (!source || source.startsWith('-')) {
  console.error('Usage: npm run restore -- FILE   (stop the service first; for PostgreSQL use pg_restore)');
  process.exit(2);
}
if (databaseKind(databaseUrl) !== 'sqlite') {
  console.error('DATABASE_URL is PostgreSQL: restore with pg_restore --clean -d "$DATABASE_URL" FILE');
  process.exit(2);
}
const backup = resolve(source);
if (!existsSync(backup)) {
  console.error(`${backup} does not exist; nothing was changed`);
  process.exit(1);
}
let verdict: string;
try {
  const check = new Sqlite(backup, { readonly: true, fileMustExist: true });
  verdict = (check.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
  check.close();
} catch (error) {
  verdict = (error as Error).message;
}
if (verdict !== 'ok') {
  console.error(`${backup} is not a sound SQLite database (${verdict}); nothing was changed`);
  process.exit(1);
}
const database = sqlitePath(databaseUrl);
if (existsSync(database)) renameSync(database, `${database}.before-restore`);
for (const journal of ['-wal', '-shm']) rmSync(`${database}${journal}`, { force: true });
copyFileSync(backup, database);
console.log(`restored ${backup} to ${database}; the previous database is ${database}.before-restore`);
