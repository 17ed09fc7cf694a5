import express from 'express';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { audit } from './audit';
import { login } from './login';
import { fromSameOrigin } from './same-origin';
import { endSession, SESSION_COOKIE, sessionCookie } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuse state-changing requests that carry the session cookie (or sign in) from
 * another site's page: a cross-site request forgery would act as the signed-in leader.
 * Bearer-token requests are not affected: browsers never add a token by themselves.
 */
export function refuseCrossSite(): express.RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || req.headers.authorization) return next();
    const carriesSession = sessionCookie(req.headers.cookie) !== null || req.path === '/api/session';
    if (!carriesSession || fromSameOrigin(req.headers, req.get('host'))) return next();
    res
      .status(403)
      .json({ code: 'CROSS_SITE', message: 'Requests with a session must come from this site’s own pages' });
  };
}

/** POST /api/session signs in (sets the cookie), DELETE /api/session signs out. */
export function sessionRoutes(db: Database, config: Config): express.Router {
  const router = express.Router();
  const cookieOptions = (req: express.Request): express.CookieOptions => ({
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure || req.secure,
    path: '/',
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
