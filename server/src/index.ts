import { announceFirstStart, prepareDatabase } from './bootstrap';
import { ConfigError, readConfig } from './config';
import { createLiveEvents } from './live/live-events';
import { createLogger } from './observability/logger';
import { createServer } from './server';

let config;
try {
  config = readConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
try {
  const started = Date.now();
  const prepared = await prepareDatabase(config);
  const { db, migrated, seeded } = prepared;
  if (migrated.length) logger.info({ migrations: migrated }, 'database migrated');
  if (seeded) logger.info('seed data loaded (5 communities)');
  if (prepared.rollupsRebuiltFrom)
    logger.info(
      { from: prepared.rollupsRebuiltFrom, to: config.timeZone },
      'rollups rebuilt to count days in TIME_ZONE',
    );
  announceFirstStart(prepared);
  // Redis errors repeat while it is away; one line a minute says so.
  let lastRedisWarning = 0;
  const live = await createLiveEvents(config.redisUrl, (error) => {
    if (Date.now() - lastRedisWarning < 60_000) return;
    lastRedisWarning = Date.now();
    logger.warn({ err: error }, 'Redis unavailable: live updates reach only this instance until it returns');
  });
  const server = await createServer(config, db, { live, logger });
  const url = await server.listen(config.port, config.host);
  logger.info(
    {
      url,
      dashboard: `${url}/`,
      graphql: `${url}/graphql`,
      seconds: (Date.now() - started) / 1000,
      publicDashboard: config.publicDashboard,
      redis: Boolean(config.redisUrl),
    },
    '网格通 GridScope ready',
  );
  const { shutdownGraceSeconds: graceSeconds, shutdownTimeoutSeconds: timeoutSeconds } = config;
  const exitUnfinished = () => {
    logger.error({ timeoutSeconds }, 'requests still running SHUTDOWN_TIMEOUT_SECONDS after the grace: exiting');
    process.exit(1);
  };
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceSeconds, timeoutSeconds }, 'shutting down');
    // Armed before the grace begins, so it fires before Apollo's own cut (timeoutSeconds after the grace).
    setTimeout(exitUnfinished, (graceSeconds + timeoutSeconds) * 1000).unref();
    await server.close();
    await db.$disconnect();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  logger.fatal({ err: error }, 'start failed');
  process.exit(1);
}
