import type { Database } from '../db/client';

/** Wrong passwords allowed, per account and per address, before further attempts are locked out. */
export const MAX_FAILURES = 5;

/** Throttle keys: one per account name (existing or not, so a lock tells nothing) and one per address. */
export const throttleKeys = (username: string, address: string) => [`account:${username}`, `address:${address}`];

/** Until when any of the keys is locked, if one is. */
export async function lockedUntil(db: Database, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  return rows.reduce<Date | null>(
    (latest, row) => (latest && latest > row.lockedUntil! ? latest : row.lockedUntil),
    null,
  );
}

/**
 * Count one wrong password against each key. The MAX_FAILURES-th within `windowMs`
 * locks the key for `windowMs`; returns when the lock ends, if one began. Counting is
 * an atomic increment, so attempts sent at once to several instances all count.
 */
export async function recordFailure(
  db: Database,
  keys: string[],
  windowMs: number,
  now = new Date(),
): Promise<Date | null> {
  let locked: Date | null = null;
  for (const key of keys) {
    const counted = await db.loginThrottle.updateMany({
      where: { key, windowStart: { gt: new Date(now.getTime() - windowMs) } },
      data: { failures: { increment: 1 } },
    });
    const row = counted.count
      ? await db.loginThrottle.findUniqueOrThrow({ where: { key } })
      : await db.loginThrottle.upsert({
          where: { key },
          create: { key, failures: 1, windowStart: now },
          update: { failures: 1, windowStart: now },
        });
    if (row.failures >= MAX_FAILURES) {
      locked = new Date(now.getTime() + windowMs);
      await db.loginThrottle.update({ where: { key }, data: { failures: 0, windowStart: now, lockedUntil: locked } });
    }
  }
  return locked;
}

/** A correct password clears the account's count (not the address's: one good account must not reset a spray). */
export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
