import { parseArgs } from 'node:util';
import { runCityBenchmark } from './city';
import { runDistrictBenchmark } from './district';
import { runWallBenchmark } from './walls';

/**
 * npm run bench: a city district on SQLite, the embedded default (district.ts), or with
 * `-- --scale city` a whole city on PostgreSQL beside raw SQL and PostGraphile (city.ts), or
 * with `-- --scale walls` a thousand walls subscribed to that city's changes (walls.ts).
 */
const { values } = parseArgs({ options: { scale: { type: 'string', default: 'district' } } });
if (values.scale === 'city') await runCityBenchmark();
else if (values.scale === 'district') await runDistrictBenchmark();
else if (values.scale === 'walls') await runWallBenchmark();
else {
  console.error('npm run bench [-- --scale district|city|walls]');
  process.exitCode = 1;
}
