import type { Database } from '../db/client';
import { audit } from './audit';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password';
import { startSession } from './sessions';
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from './throttle';

export interface LoginAttempt {
  username: string;
  password: string;
  /** The caller's address, as Express's trust-proxy setting sees it. */
  address: string;
}

export type LoginResult =
  | {
      ok: true;
      session: string;
      account: { username: string; displayName: string; role: string; scope: string | null };
    }
  | { ok: false; code: 'BAD_CREDENTIALS'; message: string }
  | { ok: false; code: 'LOCKED'; message: string; until: Date };

const BAD_CREDENTIALS = { ok: false, code: 'BAD_CREDENTIALS', message: 'Wrong username or password' } as const;

const locked = (until: Date): LoginResult => ({
  ok: false,
  code: 'LOCKED',
  until,
  message: `Too many wrong passwords: signing in is locked until ${until.toISOString()}`,
});

/**
 * Check a username and password and start a session. Every path that refuses runs
 * scrypt once (against a fixed hash when the account does not exist or is disabled),
 * so the answer takes as long whether or not the username exists. While the account
 * or the address is locked even a correct password is refused, without being checked.
 */
export async function login(db: Database, attempt: LoginAttempt, lockMinutes: number): Promise<LoginResult> {
  const username = attempt.username.trim().toLowerCase();
  const keys = throttleKeys(username, attempt.address);
  const entry = { actor: username, address: attempt.address };
  const lockEnds = await lockedUntil(db, keys);
  if (lockEnds) {
    await audit(db, { ...entry, action: 'login.locked', detail: { until: lockEnds.toISOString() } });
    return locked(lockEnds);
  }
  const account = await db.account.findUnique({ where: { username } });
  const usable = account && !account.disabledAt;
  const matches = await verifyPassword(attempt.password, usable ? account.passwordHash : UNKNOWN_ACCOUNT_HASH);
  if (!usable || !matches) {
    const reason = !account ? 'unknown account' : account.disabledAt ? 'account disabled' : 'wrong password';
    await audit(db, { ...entry, action: 'login.failed', detail: { reason } });
    const lockBegan = await recordFailure(db, keys, lockMinutes * 60_000);
    if (!lockBegan) return BAD_CREDENTIALS;
    await audit(db, { ...entry, action: 'login.locked', detail: { until: lockBegan.toISOString() } });
    return locked(lockBegan);
  }
  await clearFailures(db, keys[0]);
  const session = await startSession(db, account.id, attempt.address);
  await db.account.update({ where: { id: account.id }, data: { lastLoginAt: new Date() } });
  await audit(db, { ...entry, action: 'login' });
  const { displayName, role, scope } = account;
  return { ok: true, session, account: { username, displayName, role, scope } };
}
