import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { readConfig } from '../../server/src/config';
import { databaseKind } from '../../server/src/db/client';
import { seedDatabase } from './databases';
import { startTestServer, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN, type TestServer } from './harness';
import { localClusters, type Cluster, type Clusters } from './postgres-clusters';

const REPORT = 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }';
/** How late the replica applies each commit: longer than any request here takes. */
const APPLY_DELAY = '2s';

describe('DATABASE_READ_URL', () => {
  it('is refused beside an SQLite database, and when it is not a postgresql:// URL', () => {
    expect(() =>
      readConfig({ DATABASE_URL: 'file:./gridscope.db', DATABASE_READ_URL: 'postgresql://replica/db' }),
    ).toThrow('DATABASE_READ_URL needs a PostgreSQL DATABASE_URL');
    expect(() => readConfig({ DATABASE_URL: 'postgresql://primary/db', DATABASE_READ_URL: 'replica:5432' })).toThrow(
      'DATABASE_READ_URL must be a postgresql:// URL of a read replica, got "replica:5432"',
    );
  });
});

// A replica needs PostgreSQL: the API suite's PostgreSQL pass (TEST_DATABASE_URL) runs these.
if (databaseKind(inject('databaseUrl')) === 'postgresql')
  describe('with a streaming replica', () => {
    let clusters: Clusters;
    let primary: Cluster;
    let replica: Cluster;
    let server: TestServer;
    beforeAll(async () => {
      clusters = await localClusters(inject('databaseUrl'));
      primary = await clusters.primary();
      await seedDatabase(primary.url);
      replica = await clusters.replica(primary, APPLY_DELAY);
      server = await startTestServer({ DATABASE_URL: primary.url, DATABASE_READ_URL: replica.url });
    });
    afterAll(async () => {
      await server?.close();
      await clusters?.remove();
    });

    /** Written on the primary behind the API's back: no caller of the API has written it. */
    const rename = (name: string) => server.db.community.update({ where: { code: 'kangle' }, data: { name } });
    const nameOf = async (credentials?: string) =>
      (await server.gql('{ community(code: "kangle") { name } }', {}, credentials)).data?.community.name;
    /** A download of every community's figures, which names them. */
    const exported = async () =>
      (
        await fetch(
          `${server.url}/api/export.csv?measures=CASES_REPORTED&dimensions=COMMUNITY&from=2026-01-01&to=2026-01-31`,
        )
      ).text();
    /** The case's code when the caller finds it, null when it does not. */
    const caseSeenBy = async (code: string, credentials?: string) => {
      const answer = await server.gql('query($c: String!) { case(code: $c) { code } }', { c: code }, credentials);
      expect(answer.errors).toBeUndefined();
      return answer.data!.case?.code ?? null;
    };
    const report = async (community: string) => {
      const grid = await server.db.grid.findFirstOrThrow({ where: { community: { code: community } } });
      const answer = await server.gql(
        REPORT,
        { i: { gridCode: grid.code, category: 'FACILITY', description: '路灯不亮' } },
        TEST_ADMIN_TOKEN,
      );
      return answer.data!.reportCase.code as string;
    };

    it('answers queries and downloads from the replica, which has a change only once it applies it', async () => {
      const before = await nameOf();
      await rename('康乐社区（副本未到）');
      expect(await nameOf()).toBe(before);
      expect(await exported()).not.toContain('副本未到');
      await expect.poll(() => nameOf(), { timeout: 10_000, interval: 100 }).toBe('康乐社区（副本未到）');
      expect(await exported()).toContain('康乐社区（副本未到）');
    });

    it('shows a caller its own write at once, and reads from the replica again once it has the write', async () => {
      const code = await report('kangle');
      expect(await caseSeenBy(code, TEST_ADMIN_TOKEN)).toBe(code);
      expect(await caseSeenBy(code)).toBeNull();
      await expect.poll(() => caseSeenBy(code), { timeout: 10_000, interval: 100 }).toBe(code);
      const replicated = await nameOf(TEST_ADMIN_TOKEN);
      await rename('康乐社区（写后）');
      await expect.poll(() => nameOf(TEST_ADMIN_TOKEN), { timeout: 1_500, interval: 100 }).toBe(replicated);
    });

    it('sends a wall a live change once the replica has it, so that its refetch finds it there', async () => {
      const client = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { token: TEST_DISPLAY_TOKEN },
      });
      const changes = client.iterate({ query: 'subscription { liveChanges(scope: "xinhua") { gridCode } }' });
      const change = changes.next();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const code = await report('xinhua');
      expect((await change).done).toBe(false);
      expect(await caseSeenBy(code, TEST_DISPLAY_TOKEN)).toBe(code);
      await changes.return!();
      await client.dispose();
    });

    it('drops answers of places read from the replica before it had a retirement, once it has it', async () => {
      // Every answer kept, however quick: what a place's retirement must not leave behind.
      const keeping = await startTestServer({
        DATABASE_URL: primary.url,
        DATABASE_READ_URL: replica.url,
        KEPT_RESPONSE_MIN_MS: '0',
      });
      try {
        const grids = async () =>
          (await keeping.gql('{ community(code: "xinhua") { grids { code } } }')).data?.community.grids.map(
            (g: { code: string }) => g.code,
          );
        const before = await grids();
        const retired = await keeping.gql(
          'mutation($code: String!) { retirePlace(code: $code) { code } }',
          { code: before.at(-1) },
          TEST_ADMIN_TOKEN,
        );
        expect(retired.errors).toBeUndefined();
        // Read from the replica, which applies the retirement 2 s later: kept under the places of now.
        expect(await grids()).toEqual(before);
        await expect.poll(grids, { timeout: 10_000, interval: 100 }).toEqual(before.slice(0, -1));
      } finally {
        await keeping.close();
      }
    });

    it('reads from the primary while the replica is away', async () => {
      await replica.stop();
      await rename('康乐社区（副本停机）');
      await expect.poll(() => nameOf(), { timeout: 5_000, interval: 100 }).toBe('康乐社区（副本停机）');
    });
  });
