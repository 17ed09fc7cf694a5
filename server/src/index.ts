import { prepareDatabase } from './bootstrap';
import { ConfigError, readConfig } from './config';
import { createLiveEvents } from './live/live-events';
import { createServer } from './server';

try {
  const started = Date.now();
  const config = readConfig();
  const { db, migrated, seeded, firstAdminToken } = await prepareDatabase(config);
  if (migrated.length) console.log(`数据库已迁移 database migrated: ${migrated.join(', ')}`);
  if (seeded) console.log('已载入种子数据 seed data loaded (5 communities)');
  if (firstAdminToken) console.log(`\n管理员令牌（只显示一次）one-time admin token, keep it safe:\n  ${firstAdminToken}\n`);
  const server = await createServer(config, db, await createLiveEvents(config.redisUrl));
  const url = await server.listen(config.port, config.host);
  console.log(`网格通 GridScope ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  dashboard  ${url}/`);
  console.log(`  GraphQL    ${url}/graphql`);
  if (config.publicDashboard) console.log('  PUBLIC_DASHBOARD is on: aggregates can be read without a token');
  if (config.redisUrl) console.log('  live updates fan out through Redis');
  const stop = async () => {
    await server.close();
    await db.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
