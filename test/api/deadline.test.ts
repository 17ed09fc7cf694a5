import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { withDeadline } from '../../server/src/db/deadline';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

const NESTED = '{ communities { code grids { code buildings { code } } } }';

describe('an operation’s deadline', () => {
  let server: TestServer;
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await seededDatabase();
    server = await startTestServer({ DATABASE_URL: scratch.url });
  });
  afterAll(async () => {
    await server.close();
    await scratch.drop();
  });

  it('refuses every statement sent after it, raw ones too, and none before it or outside it', async () => {
    const refused = withDeadline(0.05, async () => {
      expect((await server.db.community.findMany()).length).toBeGreaterThan(0);
      await sleep(80);
      return server.db.$queryRawUnsafe('SELECT 1');
    });
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
    await expect(withDeadline(0.05, () => server.db.grid.count())).resolves.toBeGreaterThan(0);
    await sleep(80);
    expect(await server.db.grid.count()).toBeGreaterThan(0);
  });

  it('rolls back a transaction that runs past it: nothing is half written', async () => {
    const written = () => server.db.auditEvent.count({ where: { action: 'deadline-test' } });
    const write = withDeadline(0.05, () =>
      server.db.$transaction(async (tx) => {
        await tx.auditEvent.create({ data: { action: 'deadline-test', actor: 'test' } });
        await sleep(80);
        await tx.auditEvent.create({ data: { action: 'deadline-test', actor: 'test' } });
      }),
    );
    await expect(write).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
    expect(await written()).toBe(0);
  });
});

describe('GRAPHQL_TIMEOUT_SECONDS', () => {
  let quick: TestServer;
  beforeAll(async () => {
    quick = await startTestServer({ GRAPHQL_TIMEOUT_SECONDS: '0.001' });
  });
  afterAll(() => quick.close());

  it('stops an operation over HTTP that outlives it, with QUERY_TIMEOUT and what to do', async () => {
    const answer = await quick.gql(NESTED, {}, TEST_ADMIN_TOKEN);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining('GRAPHQL_TIMEOUT_SECONDS'),
      extensions: { code: 'QUERY_TIMEOUT' },
    });
  });

  it('is checked anew for each request: the next one starts with its own time', async () => {
    const server = await startTestServer({ GRAPHQL_TIMEOUT_SECONDS: '0.5' });
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await server.gql(NESTED, {}, TEST_ADMIN_TOKEN);
        expect(answer.errors).toBeUndefined();
        await sleep(200);
      }
    } finally {
      await server.close();
    }
  });
});
