import type { Database } from '../db/client';
import { hashToken, newTokenValue, TOUCH_INTERVAL_MS } from './tokens';

export const SESSION_COOKIE = 'gs_session';
/** A wall's display token, exchanged for this cookie so that it leaves the wall's address (POST /api/wall-session). */
export const WALL_COOKIE = 'gs_wall';

/** A cookie's value in a Cookie header, if it is there. */
export function readCookie(header: string | undefined, wanted: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === wanted) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** The session cookie's value in a Cookie header, if there is one. */
export const sessionCookie = (header: string | undefined) => readCookie(header, SESSION_COOKIE);

/** The credential a Cookie header carries: a session, else a wall's token, else null. */
export const credentialCookie = (header: string | undefined) =>
  sessionCookie(header) ?? readCookie(header, WALL_COOKIE);

/** A new session for the account; returns the cookie's value, which is stored only as its hash. */
export async function startSession(db: Database, accountId: number, address: string): Promise<string> {
  const value = newTokenValue();
  await db.session.create({ data: { hash: hashToken(value), accountId, address } });
  return value;
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof findAccountSession>>>;
export type SessionLookup = { status: 'active'; account: SessionRow['account'] } | { status: 'expired' | 'unknown' };

function findAccountSession(db: Database, value: string) {
  return db.session.findUnique({ where: { hash: hashToken(value) }, include: { account: true } });
}

/**
 * The account behind a session cookie. A session idle for longer than `idleMinutes`,
 * revoked, or of a disabled account is over (`expired`); an active one is touched.
 */
export async function findSession(
  db: Database,
  value: string,
  idleMinutes: number,
  now = new Date(),
): Promise<SessionLookup> {
  const session = await findAccountSession(db, value);
  if (!session) return { status: 'unknown' };
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  if (session.revokedAt || session.account.disabledAt || idleMs > idleMinutes * 60_000) return { status: 'expired' };
  if (idleMs > TOUCH_INTERVAL_MS) await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  return { status: 'active', account: session.account };
}

/** Sign-out: the cookie stops working at once, on every instance. */
export async function endSession(db: Database, value: string): Promise<string | null> {
  const session = await findAccountSession(db, value);
  if (!session || session.revokedAt) return null;
  await db.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
  return session.account.username;
}

/** End every session of an account (disabled, password reset, or "sign out everywhere"); returns how many. */
export async function endSessionsOf(db: Database, accountId: number): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { accountId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
