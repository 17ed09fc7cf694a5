import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN, twoInstances, type TestServer } from './harness';

const SUBSCRIBE = 'subscription($scope: String!) { liveChanges(scope: $scope) { kind communityCode gridCode } }';
const REPORT = 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }';

function wsClient(server: TestServer, token?: string): Client {
  return createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { token } : {},
    retryAttempts: 0,
    lazy: false,
    // The subscription's own error handler records a refused connection; the client need not log it too.
    onNonLazyError: () => undefined,
  });
}

/** Collects the changes a subscription receives. */
function collect(client: Client, scope: string) {
  const received: { kind: string; communityCode: string }[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ liveChanges: { kind: string; communityCode: string } }>(
    { query: SUBSCRIBE, variables: { scope } },
    {
      next: (result) => void received.push(result.data!.liveChanges),
      error: (e) => void errors.push(e),
      complete: () => undefined,
    },
  );
  return { received, errors, stop };
}

async function gridOf(server: TestServer, community: string) {
  return (await server.db.grid.findFirstOrThrow({ where: { community: { code: community } } })).code;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live changes over graphql-ws', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PUBLIC_DASHBOARD: 'false' });
  });
  afterAll(() => server.close());

  it('sends a display token the changes of its scope after they commit, and only those', async () => {
    const client = wsClient(server, TEST_DISPLAY_TOKEN);
    const kangle = collect(client, 'kangle');
    await wait(300);
    await server.gql(
      REPORT,
      { i: { gridCode: await gridOf(server, 'xinhua'), category: 'SAFETY', description: '飞线充电' } },
      TEST_ADMIN_TOKEN,
    );
    const reported = await server.gql(
      REPORT,
      { i: { gridCode: await gridOf(server, 'kangle'), category: 'FACILITY', description: '下水道堵塞' } },
      TEST_ADMIN_TOKEN,
    );
    await expect.poll(() => kangle.received.length, { timeout: 2_000 }).toBe(1);
    expect(kangle.received[0]).toMatchObject({ kind: 'CASE_REPORTED', communityCode: 'kangle' });
    const committed = await server.db.case.findUnique({ where: { code: reported.data!.reportCase.code } });
    expect(committed).not.toBeNull();
    kangle.stop();
    await client.dispose();
  });

  it('refuses a socket without a valid token when the dashboard is not public', async () => {
    for (const token of [undefined, 'not-a-real-token-at-all']) {
      const client = wsClient(server, token);
      const result = collect(client, 'all');
      await expect.poll(() => result.errors.length, { timeout: 2_000 }).toBe(1);
      expect((result.errors[0] as { code: number }).code).toBe(4403);
      await client.dispose();
    }
  });
});

describe('two server instances with Redis', () => {
  const instances = twoInstances();

  it('delivers a change made through one instance to a subscriber of the other', async () => {
    const { first, second } = instances;
    const client = wsClient(first, TEST_DISPLAY_TOKEN);
    const all = collect(client, 'all');
    await wait(300);
    await second.gql(
      REPORT,
      { i: { gridCode: await gridOf(second, 'gonghelu'), category: 'DISPUTE', description: '邻里纠纷' } },
      TEST_ADMIN_TOKEN,
    );
    await expect.poll(() => all.received.map((c) => c.communityCode), { timeout: 2_000 }).toContain('gonghelu');
    all.stop();
    await client.dispose();
  });
});
