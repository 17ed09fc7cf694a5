import { announceFirstStart, prepareDatabase } from '../bootstrap';
import { readConfig } from '../config';

/**
 * npm run db:migrate: what a start does before it listens (migrations, the seed of an
 * empty database, the tokens of ADMIN_TOKEN and DISPLAY_TOKEN, the first admin account), then exit. Safe to run
 * beside starting or running instances: they take the same lock.
 */
const prepared = await prepareDatabase(readConfig());
announceFirstStart(prepared);
const { db, migrated, seeded } = prepared;
console.log(JSON.stringify({ migrated, seeded }));
await db.$disconnect();
