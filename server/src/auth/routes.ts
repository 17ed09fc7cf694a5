import express from 'express';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { audit } from './audit';
import { login } from './login';
import { fromSameOrigin } from './same-origin';
import { credentialCookie, endSession, SESSION_COOKIE, sessionCookie, WALL_COOKIE } from './sessions';
import { findActiveToken } from './tokens';

/** Methods that change nothing. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuse state-changing requests that carry the session cookie (or sign in) from
 * another site's page: a cross-site request forgery would act as the signed-in leader.
 * Bearer-token requests are not affected: browsers never add a token by themselves.
 */
export function refuseCrossSite(): express.RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || req.headers.authorization) return next();
    const carriesSession = credentialCookie(req.headers.cookie) !== null || req.path === '/api/session';
    if (!carriesSession || fromSameOrigin(req.headers, req.get('host'))) return next();
    res
      .status(403)
      .json({ code: 'CROSS_SITE', message: 'Requests with a session must come from this site’s own pages' });
  };
}

/** A wall's cookie lasts as long as its token, and at most the 400 days browsers keep a cookie. */
const MAX_COOKIE_MS = 400 * 24 * 3600_000;

/**
 * POST /api/session signs in (sets the cookie), DELETE /api/session signs out.
 * POST /api/wall-session takes a display token (Authorization: Bearer) and sets it as
 * the wall's cookie, so that the wall can take it out of its address: a URL is seen in
 * the hall, kept in histories and sent on in Referer headers.
 * `failedAuthentication` counts an unknown token against the caller's address.
 */
export function sessionRoutes(
  db: Database,
  config: Config,
  failedAuthentication: (req: express.Request) => Promise<number | null>,
): express.Router {
  const router = express.Router();
  const cookieOptions = (req: express.Request): express.CookieOptions => ({
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure || req.secure,
    path: '/',
  });
  router.post('/api/wall-session', async (req, res) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer)
      return void res
        .status(400)
        .json({ code: 'BAD_REQUEST', message: 'Send the wall’s token as Authorization: Bearer <token>' });
    const token = await findActiveToken(db, bearer);
    if (!token) {
      const wait = await failedAuthentication(req);
      if (wait) res.setHeader('Retry-After', wait);
      return void res
        .status(wait ? 429 : 401)
        .json({ code: 'UNAUTHENTICATED', message: 'The token is unknown, expired or revoked' });
    }
    if (token.role !== 'DISPLAY')
      return void res.status(403).json({
        code: 'FORBIDDEN',
        message: `Only a display token opens a wall, not a ${token.role.toLowerCase()} token: the wall is seen by everyone in the hall`,
      });
    const lifetime = token.expiresAt ? token.expiresAt.getTime() - Date.now() : MAX_COOKIE_MS;
    res.cookie(WALL_COOKIE, bearer, {
      ...cookieOptions(req),
      sameSite: 'strict',
      maxAge: Math.min(lifetime, MAX_COOKIE_MS),
    });
    res.status(204).end();
  });
  router.post('/api/session', express.json({ limit: '4kb' }), async (req, res) => {
    const { username, password } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string' || !username.trim() || !password)
      return void res.status(400).json({ code: 'BAD_REQUEST', message: 'Send JSON { "username": …, "password": … }' });
    const result = await login(db, { username, password, address: req.ip ?? 'unknown' }, config.loginLockMinutes);
    if (result.ok) {
      res.cookie(SESSION_COOKIE, result.session, cookieOptions(req));
      return void res.json(result.account);
    }
    if (result.code === 'LOCKED') {
      res.setHeader('Retry-After', Math.ceil((result.until.getTime() - Date.now()) / 1000));
      return void res.status(429).json({ code: result.code, message: result.message, until: result.until });
    }
    res.status(401).json({ code: result.code, message: result.message });
  });
  router.delete('/api/session', async (req, res) => {
    const value = sessionCookie(req.headers.cookie);
    const username = value ? await endSession(db, value) : null;
    if (username) await audit(db, { action: 'logout', actor: username, address: req.ip ?? null });
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.status(204).end();
  });
  return router;
}
