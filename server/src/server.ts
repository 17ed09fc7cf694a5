import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { readPolicy } from './auth/read-policy';
import { authenticate, type Credentials } from './auth/authenticate';
import { refuseCrossSite, SAFE_METHODS, sessionRoutes } from './auth/routes';
import { importRoute } from './import-route';
import { SESSION_COOKIE } from './auth/sessions';
import type { Config } from './config';
import { createContext, readFrom, type Context } from './context';
import { securityHeaders } from './security-headers';
import type { Database } from './db/client';
import { limitRules } from './graphql/limits';
import { databaseOutageStatus, formatError } from './graphql/format-error';
import { buildAppSchema } from './graphql/schema';
import { schemaExposure } from './graphql/schema-exposure';
import { badInput, rateLimited, serviceUnavailable } from './graphql/errors';
import { exportRoute } from './export/export-route';
import { callerKey, concurrencyLimit, memoryRateStore, rateLimit, redisRateStore } from './rate-limit';
import { isDatabaseUnavailable } from './db/unavailable';
import { withDeadline } from './db/deadline';
import { createLocalLiveEvents, type LiveEvents } from './live/live-events';
import { serveLiveSockets } from './live/websocket';
import { createLogger, type Logger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { readiness } from './observability/readiness';
import { requestLog } from './observability/request-log';
import { databaseKind, poolStats } from './db/client';
import { keepAnswers, memoryAnswers, NO_ANSWERS, redisAnswers, type AnswerStore, type Changed } from './db/answers';
import { routeReads } from './db/replica';
import { replicaReads } from './graphql/replica-reads';
import { keptResponses } from './graphql/kept-responses';
import { basemapRoute } from './basemap/basemap-route';
import { openTileArchive } from './basemap/open-tile-archive';
import { placeTileSource } from './modules/map/place-tiles.service';
import { tileRoute } from './tiles/tile-route';

const CLIENT_DIST = new URL('../../client/dist', import.meta.url).pathname;
/** Vite puts a content hash in every name under assets/: such a file never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** An HTML entry of the client build, never cached (it names the hashed assets of the current release). */
function sendPage(res: express.Response, page: 'index.html' | 'graphiql.html') {
  const file = `${CLIENT_DIST}/${page}`;
  if (!existsSync(file))
    return void res
      .type('text')
      .status(503)
      .send(
        'The dashboard is not built: run npm run build (a development install), or install the release tarball. GraphQL answers POST /graphql.',
      );
  res.setHeader('Cache-Control', 'no-cache');
  res.sendFile(file);
}

/** A caller's X-Request-Id when it looks like one (a proxy's), else a new one. */
function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w.:-]{8,128}$/.test(header) ? header : randomUUID();
}

export interface ServerOptions {
  live?: LiveEvents;
  /** Where log lines go; tests pass their own. */
  logger?: Logger;
}

export interface AppServer {
  httpServer: Server;
  live: LiveEvents;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** The HTTP app: GraphQL at /graphql (GraphiQL for browsers), the dashboard at /. Listening is the caller's. */
export async function createServer(config: Config, db: Database, options: ServerOptions = {}): Promise<AppServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // First: an archive that cannot be read stops the start before anything else is set up.
  const basemapArchive = config.basemapFile ? await openTileArchive(config.basemapFile) : null;
  const reads = await routeReads(db, config.databaseReadUrl, logger);
  const app = express();
  let shuttingDown = false;
  const httpServer = createHttpServer(app);
  // Read at each scrape, by which time the sockets below exist.
  const metrics = createMetrics({ openWebSockets: () => liveSockets.open(), pool: () => poolStats(db) });
  const source = options.live ?? createLocalLiveEvents();
  const answers =
    config.answerSeconds <= 0
      ? NO_ANSWERS
      : config.redisUrl
        ? await redisAnswers(config.redisUrl, config.databaseUrl, config.answerSeconds, logger)
        : memoryAnswers(config.answerSeconds);
  // Whole answers of the slowest queries, kept and dropped with the aggregates' answers: by the
  // live events below, and by the changes no live event reports (dataChanged: imports, retirements).
  const responses =
    config.answerSeconds > 0
      ? keptResponses(config.answerSeconds, config.keptResponseMinMs, () => answers.generation())
      : null;
  const drop = (what: Changed) => {
    answers.changed(what);
    responses?.changed(what);
  };
  // A change of places has no live event to drop what was read from the replica before it had
  // replayed it (activity has: below): dropped again once it has.
  const changed = (what: Changed) => {
    drop(what);
    if (what === 'places' && reads.replica)
      reads
        .replayed()
        .then(() => drop('places'))
        .catch((error) => logger.warn({ err: error }, 'answers of places not dropped after the replica replayed'));
  };
  const kept: AnswerStore = { ...answers, changed };
  const forget = [
    keepAnswers(db, kept, 'primary'),
    ...(reads.replica ? [keepAnswers(reads.replica, kept, 'replica')] : []),
  ];
  // Every instance's changes, heard once the replica has them: answers read from it before are dropped too.
  const unsubscribeAnswers = source.subscribe(() => changed('activity'));
  const live: LiveEvents = {
    ...source,
    // A committed write is reported as saved whatever becomes of its live update: a lost one
    // is logged, and the walls' periodic refresh covers it. Nothing waits for Redis. The update
    // goes once the read replica has the change, so that the walls' refetch finds it there.
    publish(change) {
      metrics.liveEvents.inc({ kind: change.kind });
      // At once, so that the writer's next read (from the primary) computes afresh.
      changed('activity');
      reads
        .replayed()
        .then(() => source.publish(change))
        .catch((error) => logger.warn({ err: error, kind: change.kind }, 'live update not published'));
      return Promise.resolve();
    },
  };
  const schema = await buildAppSchema(live);
  const liveSockets = serveLiveSockets({
    httpServer,
    schema,
    db,
    config,
    live,
    logger,
    viewerFor: (credentials) => authenticate(db, credentials, config.sessionIdleMinutes),
  });
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: limitRules(config.limits),
    parseOptions: { maxTokens: config.limits.tokens },
    formatError: formatError(config.development),
    // Stack traces name the server's files: only in development, whatever NODE_ENV otherwise says.
    includeStacktraceInErrorResponses: config.development,
    // Whether a caller may is decided per viewer by schemaExposure.
    introspection: true,
    plugins: [
      // Not Apollo's 10 s: requests still running after the grace get SHUTDOWN_TIMEOUT_SECONDS.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutSeconds * 1000 }),
      // No cache hints are given (answers are kept by the server, see db/answers.ts); Apollo's
      // plugin for them would wrap every field's resolver: 77,000 of them in a city's nested read.
      ApolloServerPluginCacheControlDisabled(),
      readPolicy,
      schemaExposure(config.introspection),
      requestLog(metrics),
      databaseOutageStatus,
      replicaReads(reads),
      ...(responses ? [responses.plugin] : []),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  // Behind a reverse proxy, the caller's address (for login throttling and the audit log) is in X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.use((req, res, next) => {
    res.locals.requestId = requestId(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', res.locals.requestId);
    next();
  });
  // From the moment shutdown begins, answers say Connection: close: the connection is closed after them,
  // and a client that believed it open could send its next request into the closing socket.
  const unanswered = new Set<express.Response>();
  app.use((_req, res, next) => {
    if (shuttingDown) res.setHeader('Connection', 'close');
    else {
      unanswered.add(res);
      res.on('close', () => unanswered.delete(res));
    }
    next();
  });
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/readyz', async (_req, res) => {
    const { problems, degraded } = await readiness(db, databaseKind(config.databaseUrl), live);
    // Red from the moment shutdown begins, so the load balancer sends no new requests here.
    if (shuttingDown) problems.push('shutting down');
    res.status(problems.length ? 503 : 200).json({ ready: problems.length === 0, problems, degraded });
  });
  app.get('/metrics', async (req, res) => {
    if (config.metricsToken && req.headers.authorization !== `Bearer ${config.metricsToken}`)
      return void res.status(401).send('GET /metrics needs Authorization: Bearer METRICS_TOKEN');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get(
    '/config.json',
    (_req, res) =>
      void res.json({
        basemap: config.basemap,
        tiandituKey: config.tiandituKey,
        tileUrls: config.tileUrls,
        offlineBasemap: basemapArchive?.info ?? null,
        mapApprovalNumber: config.mapApprovalNumber,
        publicDashboard: config.publicDashboard,
        timeZone: config.timeZone,
      }),
  );
  app.get('/basemap/:z/:x/:y', basemapRoute(basemapArchive));
  const rateStore = config.redisUrl ? await redisRateStore(config.redisUrl, logger) : memoryRateStore();
  const limiter = rateLimit(rateStore, config.rateLimitPerMinute, logger);
  app.use(['/graphql', '/api'], limiter.middleware);
  app.use(refuseCrossSite());
  // A write over /api (signing in, an import): its caller reads from the primary until the replica has it.
  app.use('/api', (req, res, next) => {
    if (!SAFE_METHODS.has(req.method)) {
      const committed = reads.writing(callerKey(req));
      res.on('close', () => void committed());
    }
    next();
  });
  app.use(sessionRoutes(db, config, limiter.failedAuthentication));
  app.post('/api/imports', importRoute(db, config, live, logger));
  app.get('/graphql', (req, res, next) =>
    req.accepts(['application/json', 'text/html']) === 'text/html' ? sendPage(res, 'graphiql.html') : next(),
  );
  /** The context of a request, GraphQL or export alike: who it is from, checked the same way. */
  const contextOf = async (req: express.Request, res: express.Response): Promise<Context> => {
    const credentials: Credentials = { authorization: req.headers.authorization, cookie: req.headers.cookie };
    const viewer = await authenticate(db, credentials, config.sessionIdleMinutes).catch(async (error) => {
      if (isDatabaseUnavailable(error)) throw serviceUnavailable();
      if (error.extensions?.code === 'UNAUTHENTICATED' && !error.extensions?.reason) {
        const wait = await limiter.failedAuthentication(req);
        if (wait) throw rateLimited(wait);
      }
      // An ended session's cookie is dropped, so the next page load is a plain visitor's.
      if (error.extensions?.reason === 'SESSION_EXPIRED') res.clearCookie(SESSION_COOKIE, { path: '/' });
      throw error;
    });
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && !/^[\x21-\x7e]{1,200}$/.test(key))
      throw badInput('The Idempotency-Key header must be 1 to 200 visible ASCII characters');
    return createContext(
      db,
      config,
      live,
      viewer,
      logger.child({ reqId: res.locals.requestId }),
      req.ip ?? null,
      typeof key === 'string' ? key : null,
      callerKey(req),
    );
  };
  /** An export reads as a query does: from the replica, unless it lacks the caller's last write. */
  const readingContextOf = async (req: express.Request, res: express.Response) => {
    const ctx = await contextOf(req, res);
    readFrom(ctx, reads.readerFor(ctx.caller));
    return ctx;
  };
  const takingTurns = concurrencyLimit(config.concurrentPerCaller);
  app.get(['/api/export.csv', '/api/export.xlsx'], takingTurns, exportRoute(readingContextOf));
  // Not rate-limited, as the basemap's are not: a screen of the map is a dozen tiles, cached by the browser.
  const tiles = await placeTileSource(config, db, (by, error) =>
    error
      ? logger.warn({ err: error, by }, 'place tiles: PostGIS is installed but could not be used')
      : logger.info({ by }, 'place tiles'),
  );
  app.get('/tiles/:z/:x/:y.pbf', tileRoute(tiles, contextOf));
  app.use(
    '/graphql',
    express.json({ limit: config.limits.bytes }),
    takingTurns,
    // After the body is read: its stream's events would not carry the deadline along.
    (_req, _res, next) => withDeadline(config.timeoutSeconds, next),
    expressMiddleware(apollo, { context: ({ req, res }) => contextOf(req, res) }),
  );
  // The build wrote .br and .gz copies of each file: send the one the browser takes, as it is.
  app.use(
    expressStaticGzip(CLIENT_DIST, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes('/assets/') ? IMMUTABLE : 'no-cache'),
      },
    }),
  );
  app.get(/^\/(?!graphql|api\/).*/, (_req, res) => sendPage(res, 'index.html'));
  // A body too large or not JSON gets a GraphQL-shaped answer, not Express's HTML page.
  app.use(
    (
      error: { type?: string; status?: number },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error.type === 'entity.too.large')
        return void res.status(413).json({
          errors: [
            {
              message: `The request is larger than ${config.limits.bytes} bytes`,
              extensions: { code: 'PAYLOAD_TOO_LARGE' },
            },
          ],
        });
      if (error.type === 'entity.parse.failed')
        return void res
          .status(400)
          .json({ errors: [{ message: 'The body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      next(error);
    },
  );

  return {
    httpServer,
    live,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve) => {
        httpServer.listen(port, host, () => resolve(`http://localhost:${(httpServer.address() as AddressInfo).port}`));
      }),
    async close() {
      shuttingDown = true;
      for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
      await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceSeconds * 1000));
      await liveSockets.close();
      await apollo.stop();
      await reads.close();
      unsubscribeAnswers();
      for (const stop of forget) stop();
      await answers.close();
      await live.close();
      await rateStore.close();
      await basemapArchive?.close();
    },
  };
}
