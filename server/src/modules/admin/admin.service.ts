import { ACCOUNT_ROLES, ROLES, type Role } from '../../../../shared/enums';
import { audit } from '../../auth/audit';
import { hashPassword, newPassword, passwordProblem } from '../../auth/password';
import { endSessionsOf } from '../../auth/sessions';
import { createToken } from '../../auth/tokens';
import type { Database } from '../../db/client';
import { badInput, conflict, notFound } from '../../graphql/errors';
import { textProblem } from '../../graphql/input-bounds';

/** Who makes a change, for the audit log: an account's username, a token's name, or "cli". */
export interface Actor {
  name: string;
  address: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/**
 * Why a jurisdiction does not suit a role, or null. A grid worker answers for one grid;
 * an admin for everything; others for all, a sub-district or a community. Codes must exist.
 */
export async function jurisdictionProblem(db: Database, role: Role, scope: string | null): Promise<string | null> {
  if (role === 'ADMIN') return scope ? 'An admin has no jurisdiction: leave the scope empty' : null;
  if (role === 'GRID_WORKER') {
    if (!scope) return 'A grid worker needs the code of their grid as scope';
    return (await db.grid.count({ where: { code: scope } })) ? null : `No grid has the code "${scope}"`;
  }
  if (!scope) return null;
  const [subDistricts, communities] = await Promise.all([
    db.subDistrict.count({ where: { code: scope } }),
    db.community.count({ where: { code: scope } }),
  ]);
  return subDistricts || communities ? null : `No sub-district or community has the code "${scope}"`;
}

async function requireAccount(db: Database, username: string) {
  const account = await db.account.findUnique({ where: { username: username.trim().toLowerCase() } });
  if (!account) throw notFound(`Account "${username}"`);
  return account;
}

export const listAccounts = (db: Database) => db.account.findMany({ orderBy: { username: 'asc' } });
export const listTokens = (db: Database) => db.apiToken.findMany({ orderBy: { id: 'asc' } });
export const recentAuditEvents = (db: Database, limit: number) =>
  db.auditEvent.findMany({ orderBy: { id: 'desc' }, take: Math.min(Math.max(limit, 1), 500) });

export interface AccountSpec {
  username: string;
  displayName: string;
  role: Role;
  scope?: string | null;
  /** When absent, a password is made and returned once. */
  password?: string;
}

/** A new account; every problem with the input is named in one message. */
export async function createAccount(db: Database, actor: Actor, spec: AccountSpec) {
  const username = spec.username.trim().toLowerCase();
  const scope = spec.scope?.trim() || null;
  const password = spec.password ?? newPassword();
  const problems = [
    !USERNAME.test(username) && 'The username must be 2–40 lower-case letters, digits, . _ or -, e.g. li.ming',
    textProblem(spec.displayName, 'The display name', 50, true),
    !(ACCOUNT_ROLES as readonly string[]).includes(spec.role) &&
      `The role must be one of ${ACCOUNT_ROLES.join(', ').toLowerCase()} (walls use display tokens)`,
    passwordProblem(password),
    (ACCOUNT_ROLES as readonly string[]).includes(spec.role) && (await jurisdictionProblem(db, spec.role, scope)),
  ].filter((problem): problem is string => Boolean(problem));
  if (problems.length) throw badInput(problems.join('; '));
  if (await db.account.findUnique({ where: { username } })) throw conflict(`The username "${username}" is taken`);
  const account = await db.account.create({
    data: {
      username,
      displayName: spec.displayName.trim(),
      role: spec.role,
      scope,
      passwordHash: await hashPassword(password),
    },
  });
  await audit(db, {
    action: 'account.created',
    actor: actor.name,
    subject: username,
    address: actor.address,
    detail: { role: spec.role, scope },
  });
  return { account, password };
}

/** Disable (which ends the account's sessions at once) or enable an account. */
export async function setAccountDisabled(db: Database, actor: Actor, username: string, disabled: boolean) {
  const account = await requireAccount(db, username);
  const updated = await db.account.update({
    where: { id: account.id },
    data: { disabledAt: disabled ? (account.disabledAt ?? new Date()) : null },
  });
  const ended = disabled ? await endSessionsOf(db, account.id) : 0;
  await audit(db, {
    action: disabled ? 'account.disabled' : 'account.enabled',
    actor: actor.name,
    subject: account.username,
    address: actor.address,
    detail: disabled ? { sessionsEnded: ended } : undefined,
  });
  return updated;
}

/** A new password (given, or made and returned once); the account's sessions end. */
export async function resetPassword(db: Database, actor: Actor, username: string, password = newPassword()) {
  const account = await requireAccount(db, username);
  const problem = passwordProblem(password);
  if (problem) throw badInput(problem);
  await db.account.update({ where: { id: account.id }, data: { passwordHash: await hashPassword(password) } });
  const ended = await endSessionsOf(db, account.id);
  await audit(db, {
    action: 'account.password_reset',
    actor: actor.name,
    subject: account.username,
    address: actor.address,
    detail: { sessionsEnded: ended },
  });
  return password;
}

export interface TokenRequest {
  name: string;
  role: Role;
  scope?: string | null;
  expiresAt?: Date | null;
}

export async function issueToken(db: Database, actor: Actor, request: TokenRequest) {
  const scope = request.scope?.trim() || null;
  const problems = [
    request.name.trim()
      ? textProblem(request.name, 'The name', 60)
      : 'Name the token after the screen, script or person it is for',
    !ROLES.includes(request.role) && `The role must be one of ${ROLES.join(', ').toLowerCase()}`,
    request.expiresAt && request.expiresAt <= new Date() && 'The expiry must lie in the future',
    // A leader's token without an area would write everywhere: a person with that reach signs in instead.
    request.role === 'LEADER' && !scope && 'A leader token needs a scope: a sub-district or community code',
    ROLES.includes(request.role) && (await jurisdictionProblem(db, request.role, scope)),
  ].filter((problem): problem is string => Boolean(problem));
  if (problems.length) throw badInput(problems.join('; '));
  const { id, token } = await createToken(db, { ...request, name: request.name.trim(), scope });
  await audit(db, {
    action: 'token.created',
    actor: actor.name,
    subject: `token ${id} (${request.name.trim()})`,
    address: actor.address,
    detail: { role: request.role, scope, expiresAt: request.expiresAt ?? null },
  });
  return { token: await db.apiToken.findUniqueOrThrow({ where: { id } }), value: token };
}

export async function revokeToken(db: Database, actor: Actor, id: number) {
  const token = await db.apiToken.findUnique({ where: { id } });
  if (!token) throw notFound(`Token ${id}`);
  const revoked = token.revokedAt
    ? token
    : await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  await audit(db, {
    action: 'token.revoked',
    actor: actor.name,
    subject: `token ${id} (${token.name})`,
    address: actor.address,
  });
  return revoked;
}

/**
 * On a first start, when no admin account exists, make one named "admin" with the
 * given password (ADMIN_PASSWORD) or a new one, returned once for printing.
 */
export async function ensureFirstAdmin(db: Database, password: string | null): Promise<string | null> {
  if (await db.account.count({ where: { role: 'ADMIN', disabledAt: null } })) return null;
  if (await db.account.findUnique({ where: { username: 'admin' } })) return null;
  const created = await createAccount(
    db,
    { name: 'first start', address: null },
    { username: 'admin', displayName: '管理员', role: 'ADMIN', password: password ?? undefined },
  );
  return password ? null : created.password;
}
