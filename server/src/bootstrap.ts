import { seedIfEmpty } from '../../prisma/seed/seed';
import { createToken, ensureToken } from './auth/tokens';
import type { Config } from './config';
import { connectDatabase, databaseKind, type Database } from './db/client';
import { migrate } from './db/migrate';
import { withMigrationLock } from './db/migration-lock';

export interface Prepared {
  db: Database;
  migrated: string[];
  seeded: boolean;
  firstAdminToken: string | null;
}

/**
 * Bring the database to the current schema, load the seed into an empty one, and
 * create the tokens the environment names. On a first start without ADMIN_TOKEN a
 * one-time admin token is made and returned for printing.
 */
export async function prepareDatabase(config: Config): Promise<Prepared> {
  const kind = databaseKind(config.databaseUrl);
  const db = await connectDatabase(config.databaseUrl);
  // Instances starting together take turns: the first migrates and seeds, the others find it done.
  return withMigrationLock(config.databaseUrl, async () => {
    const migrated = await migrate(db, kind);
    const seeded = config.seedOnStart ? await seedIfEmpty(db, config.databaseUrl) : false;
    if (config.adminToken) await ensureToken(db, config.adminToken, { name: 'ADMIN_TOKEN', role: 'ADMIN' });
    if (config.displayToken) await ensureToken(db, config.displayToken, { name: 'DISPLAY_TOKEN', role: 'DISPLAY' });
    const anyAdmin = await db.apiToken.count({ where: { role: 'ADMIN', revokedAt: null } });
    const firstAdminToken = anyAdmin ? null : (await createToken(db, { name: 'first start', role: 'ADMIN' })).token;
    return { db, migrated, seeded, firstAdminToken };
  });
}
