import { execFileSync } from 'node:child_process';
import { DATABASE_KINDS, schemaFor } from './schemas';

// One Prisma client per database kind (queries are compiled per provider), both from
// prisma/schema.prisma. Runs on WebAssembly: nothing is downloaded.
for (const kind of DATABASE_KINDS) {
  execFileSync('npx', ['prisma', 'generate', '--schema', schemaFor(kind)], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`Prisma client for ${kind} generated`);
}
