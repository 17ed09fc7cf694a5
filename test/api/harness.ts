import { afterAll, beforeAll, inject } from 'vitest';
import { readConfig } from '../../server/src/config';
import { connectDatabase, type Database } from '../../server/src/db/client';
import { createLiveEvents } from '../../server/src/live/live-events';
import type { Logger } from '../../server/src/observability/logger';
import { createLogger } from '../../server/src/observability/logger';
import { createServer } from '../../server/src/server';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN } from './tokens';

export { TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN };

/**
 * Whether a query is slow enough for its whole answer to be kept depends on the machine's load, and
 * tests write behind the server's back: test servers keep none unless a test asks (kept-responses.test.ts).
 */
export const KEEP_NO_WHOLE_ANSWERS = { KEPT_RESPONSE_MIN_MS: '60000' };

export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestServer {
  url: string;
  db: Database;
  /** SQL statements sent since the last reset. */
  queries: string[];
  /** A GraphQL request with a bearer token, or with other headers (a session cookie). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    credentials?: string | Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** POST /api/session; the session cookie ("gs_session=…") when it succeeds. */
  signIn(username: string, password: string, headers?: Record<string, string>): Promise<SignIn>;
  close(): Promise<void>;
}

export interface SignIn {
  status: number;
  body: { code?: string; message?: string; username?: string };
  setCookie: string | null;
  /** The name=value part of the session cookie, to send back in a Cookie header. */
  cookie: string | null;
}

/** A real server on a free port over the run's seeded database (or DATABASE_URL in `env`). */
export async function startTestServer(
  env: Record<string, string> = {},
  logger: Logger = createLogger('silent'),
): Promise<TestServer> {
  const databaseUrl = env.DATABASE_URL ?? inject('databaseUrl');
  const config = readConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_START: 'false',
    ...KEEP_NO_WHOLE_ANSWERS,
    ...env,
  });
  const queries: string[] = [];
  const db = await connectDatabase(databaseUrl, { onQuery: (sql) => queries.push(sql) });
  const server = await createServer(config, db, { live: await createLiveEvents(config.redisUrl), logger });
  const url = await server.listen(0, '127.0.0.1');
  return {
    url,
    db,
    queries,
    async gql(query, variables, credentials) {
      const headers = typeof credentials === 'string' ? { authorization: `Bearer ${credentials}` } : credentials;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...(await response.json()) };
    },
    async signIn(username, password, headers = {}) {
      const response = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ username, password }),
      });
      const setCookie = response.headers.get('set-cookie');
      return {
        status: response.status,
        body: await response.json(),
        setCookie,
        cookie: setCookie && response.ok ? setCookie.split(';')[0] : null,
      };
    },
    async close() {
      await server.close();
      server.httpServer.close();
      await db.$disconnect();
    },
  };
}

/**
 * Two servers over the run's database that share Redis, as two instances behind a load
 * balancer: started before the describe block's tests, closed after them.
 */
export function twoInstances(): { first: TestServer; second: TestServer } {
  const pair = {} as { first: TestServer; second: TestServer };
  beforeAll(async () => {
    pair.first = await startTestServer({ REDIS_URL });
    pair.second = await startTestServer({ REDIS_URL });
  });
  afterAll(async () => {
    await pair.first.close();
    await pair.second.close();
  });
  return pair;
}
