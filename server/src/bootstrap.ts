import { seedIfEmpty } from '../../prisma/seed/seed';
import { createToken, ensureToken } from './auth/tokens';
import type { Config } from './config';
import { connectDatabase, databaseKind, type Database } from './db/client';
import { migrate } from './db/migrate';
import { withMigrationLock } from './db/migration-lock';
import { ensureFirstAdmin } from './modules/admin/admin.service';
import { rollupsInTimeZone } from './modules/rollup/rollup.service';

export interface Prepared {
  db: Database;
  migrated: string[];
  seeded: boolean;
  /** The time zone the rollups were rebuilt from, when TIME_ZONE changed (or on the upgrade from UTC days). */
  rollupsRebuiltFrom: string | null;
  firstAdminToken: string | null;
  /** The password of the "admin" account made on a first start without ADMIN_PASSWORD, to print once. */
  firstAdminPassword: string | null;
}

/**
 * Bring the database to the current schema, load the seed into an empty one, and
 * create the tokens the environment names. On a first start without ADMIN_TOKEN a
 * one-time admin token is made, and without an admin account an "admin" account
 * (with ADMIN_PASSWORD, or a one-time password); what was made is returned for printing.
 */
export async function prepareDatabase(config: Config): Promise<Prepared> {
  const kind = databaseKind(config.databaseUrl);
  const db = await connectDatabase(config.databaseUrl);
  // Instances starting together take turns: the first migrates and seeds, the others find it done.
  return withMigrationLock(config.databaseUrl, async () => {
    const migrated = await migrate(db, kind);
    // Before seeding: an empty database records the zone, and the seed counts in it.
    const rollupsRebuiltFrom = await rollupsInTimeZone(db);
    const seeded = config.seedOnStart ? await seedIfEmpty(db, config.databaseUrl) : false;
    if (config.adminToken) await ensureToken(db, config.adminToken, { name: 'ADMIN_TOKEN', role: 'ADMIN' });
    if (config.displayToken) await ensureToken(db, config.displayToken, { name: 'DISPLAY_TOKEN', role: 'DISPLAY' });
    const anyAdmin = await db.apiToken.count({ where: { role: 'ADMIN', revokedAt: null } });
    const firstAdminToken = anyAdmin ? null : (await createToken(db, { name: 'first start', role: 'ADMIN' })).token;
    const firstAdminPassword = await ensureFirstAdmin(db, config.adminPassword);
    return { db, migrated, seeded, rollupsRebuiltFrom, firstAdminToken, firstAdminPassword };
  });
}

/** What a first start made, printed once for the operator outside the logs: logs never hold a token or a password. */
export function announceFirstStart({ firstAdminToken, firstAdminPassword }: Prepared): void {
  if (firstAdminToken)
    process.stderr.write(`\n管理员令牌（只显示一次）one-time admin token, keep it safe:\n  ${firstAdminToken}\n\n`);
  if (firstAdminPassword)
    process.stderr.write(
      `管理员账号 admin 的初始密码（只显示一次）password of the account "admin", shown once:\n  ${firstAdminPassword}\n  登录 sign in at /login\n\n`,
    );
}
