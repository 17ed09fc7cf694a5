import { readConfig } from '../config';
import { connectDatabase } from '../db/client';
import { rebuildAllRollups } from '../modules/rollup/rollup.service';

// npm run rollups:rebuild: recompute every per-grid per-day rollup from raw rows, one community at a time.
const db = await connectDatabase(readConfig().databaseUrl);
const started = Date.now();
await rebuildAllRollups(db, (done, total, name, rows) =>
  process.stdout.write(`\r[${done}/${total}] ${name}: ${rows} rollup rows`.padEnd(70)),
);
console.log(`\nrebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await db.$disconnect();
