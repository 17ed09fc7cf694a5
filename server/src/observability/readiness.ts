import type { Database, DatabaseKind } from '../db/client';
import { pendingMigrations } from '../db/migrate';
import type { LiveEvents } from '../live/live-events';

/**
 * What keeps this instance from serving (`problems`: the database, its migrations) and
 * what it serves without (`degraded`: Redis, whose live updates the walls' periodic
 * refresh stands in for). Each check names its failure.
 */
export async function readiness(
  db: Database,
  kind: DatabaseKind,
  live: LiveEvents,
): Promise<{ problems: string[]; degraded: string[] }> {
  const problems: string[] = [];
  const degraded: string[] = [];
  try {
    const pending = await pendingMigrations(db, kind);
    if (pending.length) problems.push(`migrations not applied: ${pending.join(', ')}`);
  } catch (error) {
    problems.push(`database: ${(error as Error).message}`);
  }
  try {
    await live.ready();
  } catch (error) {
    degraded.push(`live updates (Redis): ${(error as Error).message}`);
  }
  return { problems, degraded };
}
