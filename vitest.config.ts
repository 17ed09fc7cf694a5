import { defineConfig } from 'vitest/config';

// Three suites: pure unit tests beside the code, API tests over real HTTP against a
// seeded database (SQLite, or PostgreSQL when TEST_DATABASE_URL is set), and browser
// tests in Debian's Chromium against the real server.
export default defineConfig({
  // One graphql for everything, as under Node: Vite would give our inlined sources graphql's
  // .mjs build while type-graphql and Apollo, loaded by Node, share its CommonJS one, and
  // graphql refuses to mix schema objects of two copies ("from another module or realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'prisma/**/*.test.ts',
            'server/**/*.test.ts',
            'client/src/**/*.test.{ts,tsx}',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          globalSetup: ['test/api/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/api/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
