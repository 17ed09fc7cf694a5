import type { Role } from '../../../shared/enums';
import type { Database } from '../db/client';
import { unauthenticated } from '../graphql/errors';
import { findSession, readCookie, sessionCookie, WALL_COOKIE } from './sessions';
import { findActiveToken } from './tokens';
import { PUBLIC_VIEWER, type Viewer } from './viewer';

/** What a request carries to say who sent it. */
export interface Credentials {
  authorization?: string;
  cookie?: string;
}

async function tokenViewer(db: Database, value: string, refusal: string): Promise<Viewer> {
  const token = await findActiveToken(db, value);
  if (!token) throw unauthenticated(refusal);
  return { role: token.role as Role, scope: token.scope, via: 'token', name: token.name, displayName: token.name };
}

/**
 * The viewer behind a request: a bearer token first (scripts), else the session cookie
 * (people signed in at /login), else a wall's token cookie, else the public viewer. A
 * cookie whose session is over is an error with reason SESSION_EXPIRED, so the dashboard
 * can say so.
 */
export async function authenticate(db: Database, credentials: Credentials, idleMinutes: number): Promise<Viewer> {
  if (credentials.authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(credentials.authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    return tokenViewer(db, match[1], 'The API token is unknown, expired or revoked');
  }
  const cookie = sessionCookie(credentials.cookie);
  const wall = readCookie(credentials.cookie, WALL_COOKIE);
  if (!cookie && wall) return tokenViewer(db, wall, 'The wall’s token has been revoked or has expired');
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
