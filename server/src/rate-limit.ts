import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type express from 'express';
import type { Logger } from './observability/logger';
import { credentialCookie } from './auth/sessions';

const WINDOW_MS = 60_000;

/** Counts of requests per key and minute: in this process, or in Redis so that all instances share them. */
export interface RateStore {
  /** Count one request for the key; how many in its current window, and when the window ends. */
  hit(key: string): Promise<{ count: number; resetAt: number }>;
  close(): Promise<void>;
}

export function memoryRateStore(): RateStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  }, WINDOW_MS);
  sweep.unref();
  return {
    async hit(key) {
      const now = Date.now();
      const window = windows.get(key);
      if (!window || window.resetAt <= now) {
        const fresh = { count: 1, resetAt: now + WINDOW_MS };
        windows.set(key, fresh);
        return fresh;
      }
      window.count++;
      return window;
    },
    async close() {
      clearInterval(sweep);
    },
  };
}

/** Shared counts in Redis (a key per caller that expires a minute after its first request); while Redis is away, this instance counts alone. */
export async function redisRateStore(url: string, logger: Logger): Promise<RateStore> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  // Wait a moment for the connection, not for Redis: away at start, it is counted around until it returns.
  await Promise.race([once(redis, 'ready'), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  const fallback = memoryRateStore();
  return {
    async hit(key) {
      try {
        // The window starts at the key's first request, as in memory: SET NX with the expiry, then count.
        const name = `gridscope:rate:${key}`;
        const replies = await redis.multi().set(name, 0, 'PX', WINDOW_MS, 'NX').incr(name).pttl(name).exec();
        const [, [, count], [, ttl]] = replies as [unknown, [null, number], [null, number]];
        return { count, resetAt: Date.now() + Math.max(ttl, 0) };
      } catch (error) {
        logger.warn({ err: error }, 'rate limits counted per instance: Redis unavailable');
        return fallback.hit(key);
      }
    },
    async close() {
      await fallback.close();
      redis.disconnect();
    },
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 24);

/**
 * Whom a request is counted against: its token, session or wall cookie (hashed: keys never hold
 * credentials), else its address. Cheap: no database read before the limit is checked.
 */
export function callerKey(req: express.Request): string {
  if (req.headers.authorization) return `bearer:${digest(req.headers.authorization)}`;
  const session = credentialCookie(req.headers.cookie);
  return session ? `session:${digest(session)}` : `address:${req.ip}`;
}

/**
 * At most `perMinute` requests per caller and minute on GraphQL and the API; beyond,
 * 429 with Retry-After. Failed authentications are counted per address as well, so
 * guessing tokens is slowed down whatever the guesses look like.
 */
export function rateLimit(store: RateStore, perMinute: number, logger: Logger) {
  const refuse = (res: express.Response, resetAt: number, message: string) => {
    res.setHeader('Retry-After', Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)));
    res.status(429).json({ errors: [{ message, extensions: { code: 'RATE_LIMITED' } }] });
  };
  const middleware: express.RequestHandler = async (req, res, next) => {
    const { count, resetAt } = await store.hit(callerKey(req));
    if (count > perMinute) return refuse(res, resetAt, `More than ${perMinute} requests a minute; wait and try again`);
    next();
  };
  return {
    middleware,
    /**
     * Count a failed authentication (an unknown or revoked token) from this address; the
     * seconds it must now wait once it has failed more than a tenth of the limit, else null.
     */
    async failedAuthentication(req: express.Request): Promise<number | null> {
      const { count, resetAt } = await store.hit(`authfail:${req.ip}`);
      logger.warn({ address: req.ip, failures: count }, 'authentication failed');
      return count > Math.max(5, perMinute / 10) ? Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) : null;
    },
  };
}

/**
 * At most `perCaller` GraphQL requests of one caller run at once in this process; the
 * caller's further requests wait their turn (up to `queued` of them, beyond which they
 * are answered 429). On SQLite every statement runs on the one thread that answers
 * everybody: one client's many heavy requests in parallel would take turns with every
 * other caller's, so they take turns among themselves instead.
 */
export function concurrencyLimit(perCaller: number, queued = 100): express.RequestHandler {
  const callers = new Map<string, { running: number; waiting: (() => void)[] }>();
  return (req, res, next) => {
    // A caller is a credential from one address: walls that share a display token are apart.
    const key = `${callerKey(req)}@${req.ip}`;
    const caller = callers.get(key) ?? { running: 0, waiting: [] };
    callers.set(key, caller);
    const release = () => {
      const turn = caller.waiting.shift();
      if (turn) return turn();
      caller.running--;
      if (caller.running === 0) callers.delete(key);
    };
    const start = () => {
      res.once('close', release);
      next();
    };
    if (caller.running < perCaller) {
      caller.running++;
      return start();
    }
    if (caller.waiting.length >= queued) {
      res.setHeader('Retry-After', 1);
      return void res.status(429).json({
        errors: [
          { message: `More than ${queued} requests waiting for this caller`, extensions: { code: 'RATE_LIMITED' } },
        ],
      });
    }
    // A request whose client went away while it waited gives its turn to the next.
    const turn = () => (res.destroyed ? release() : start());
    caller.waiting.push(turn);
  };
}
