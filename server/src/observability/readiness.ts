import type { Database, DatabaseKind } from '../db/client';
import { pendingMigrations } from '../db/migrate';
import type { LiveEvents } from '../live/live-events';

/** What keeps this instance from serving: empty when it is ready. Each check names its failure. */
export async function readiness(db: Database, kind: DatabaseKind, live: LiveEvents): Promise<string[]> {
  const problems: string[] = [];
  try {
    const pending = await pendingMigrations(db, kind);
    if (pending.length) problems.push(`migrations not applied: ${pending.join(', ')}`);
  } catch (error) {
    problems.push(`database: ${(error as Error).message}`);
  }
  try {
    await live.ready();
  } catch (error) {
    problems.push(`live updates (Redis): ${(error as Error).message}`);
  }
  return problems;
}
