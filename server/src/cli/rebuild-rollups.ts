import { readConfig } from '../config';
import { connectDatabase } from '../db/client';
import { rebuildCommunityRollups } from '../modules/rollup/rollup.service';

// npm run rollups:rebuild: recompute every per-grid per-day rollup from raw rows, one community at a time.
const db = await connectDatabase(readConfig().databaseUrl);
const communities = await db.community.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } });
const started = Date.now();
for (const [i, community] of communities.entries()) {
  const rows = await rebuildCommunityRollups(db, community.id);
  process.stdout.write(`\r[${i + 1}/${communities.length}] ${community.name}: ${rows} rollup rows`.padEnd(70));
}
console.log(`\nrebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await db.$disconnect();
