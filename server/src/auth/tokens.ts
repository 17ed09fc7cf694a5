import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/enums';
import type { Database } from '../db/client';

/** Tokens are 32 random bytes, so a plain SHA-256 is enough to store them safely. */
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
}

export async function createToken(
  db: Database,
  spec: TokenSpec,
  value = newTokenValue(),
): Promise<{ id: number; token: string }> {
  const row = await db.apiToken.create({
    data: { name: spec.name, role: spec.role, scope: spec.scope ?? null, hash: hashToken(value) },
  });
  return { id: row.id, token: value };
}

/** Make sure a token given in the environment exists (and is not revoked) with this role. */
export async function ensureToken(db: Database, value: string, spec: TokenSpec): Promise<void> {
  const hash = hashToken(value);
  await db.apiToken.upsert({
    where: { hash },
    create: { ...spec, scope: spec.scope ?? null, hash },
    update: { role: spec.role, revokedAt: null },
  });
}

export async function findActiveToken(db: Database, value: string) {
  const row = await db.apiToken.findUnique({ where: { hash: hashToken(value) } });
  return row && !row.revokedAt ? row : null;
}
