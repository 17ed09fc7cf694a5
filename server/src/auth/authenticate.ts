import type { Role } from '../../../shared/enums';
import type { Database } from '../db/client';
import { unauthenticated } from '../graphql/errors';
import { findSession, sessionCookie } from './sessions';
import { findActiveToken } from './tokens';
import { PUBLIC_VIEWER, type Viewer } from './viewer';

/** What a request carries to say who sent it. */
export interface Credentials {
  authorization?: string;
  cookie?: string;
}

/**
 * The viewer behind a request: a bearer token first (scripts and walls), else the
 * session cookie (people signed in at /login), else the public viewer. A cookie whose
 * session is over is an error with reason SESSION_EXPIRED, so the dashboard can say so.
 */
export async function authenticate(db: Database, credentials: Credentials, idleMinutes: number): Promise<Viewer> {
  if (credentials.authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(credentials.authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    const token = await findActiveToken(db, match[1]);
    if (!token) throw unauthenticated('The API token is unknown, expired or revoked');
    return { role: token.role as Role, scope: token.scope, via: 'token', name: token.name, displayName: token.name };
  }
  const cookie = sessionCookie(credentials.cookie);
  if (!cookie) return PUBLIC_VIEWER;
  const found = await findSession(db, cookie, idleMinutes);
  if (found.status !== 'active')
    throw unauthenticated('The session has ended: sign in again at /login', 'SESSION_EXPIRED');
  const { account } = found;
  return {
    role: account.role as Role,
    scope: account.scope,
    via: 'session',
    name: account.username,
    displayName: account.displayName,
  };
}
