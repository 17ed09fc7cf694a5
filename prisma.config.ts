import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { defineConfig } from 'prisma/config';

// The JavaScript engine: generate and diff run on WebAssembly and never fetch a
// native engine binary (the registry does not carry them, and firewalls block them).
// The adapter is only what the CLI needs to accept that mode; the app applies its
// own migrations (server/src/db/migrate.ts) through the same driver adapters.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  adapter: async () => new PrismaLibSQL({ url: ':memory:' }),
});
