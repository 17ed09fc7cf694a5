import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/enums';
import type { Database } from '../db/client';

/** lastUsedAt and a session's lastSeenAt are written at most this often: reading must not write on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

/** Tokens and session cookies are 32 random bytes, so a plain SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newTokenValue(): string {
  return `gs_${randomBytes(32).toString('base64url')}`;
}

export interface TokenSpec {
  name: string;
  role: Role;
  scope?: string | null;
  expiresAt?: Date | null;
}

export async function createToken(
  db: Database,
  spec: TokenSpec,
  value = newTokenValue(),
): Promise<{ id: number; token: string }> {
  const row = await db.apiToken.create({
    data: {
      name: spec.name,
      role: spec.role,
      scope: spec.scope ?? null,
      expiresAt: spec.expiresAt ?? null,
      hash: hashToken(value),
    },
  });
  return { id: row.id, token: value };
}

/**
 * Make sure a token given in the environment exists with this role. A token revoked
 * since stays revoked: the environment names a token, it does not vouch for it.
 */
export async function ensureToken(db: Database, value: string, spec: TokenSpec): Promise<void> {
  const hash = hashToken(value);
  await db.apiToken.upsert({
    where: { hash },
    create: { ...spec, scope: spec.scope ?? null, hash },
    update: { role: spec.role },
  });
}

/** The token if it is known, not revoked and not expired; its lastUsedAt is brought up to date. */
export async function findActiveToken(db: Database, value: string, now = new Date()) {
  const row = await db.apiToken.findUnique({ where: { hash: hashToken(value) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS)
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return row;
}
