import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { runCommand } from './commands';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** npm run token -- ARGS, as its own process; a failure throws with what it printed. */
const token = async (...args: string[]) => {
  const run = await runCommand('token', args, { DATABASE_URL: inject('databaseUrl') });
  if (run.code !== 0) throw new Error(run.output);
  return run.out;
};

it('creates, lists and revokes a display token from the command line', async () => {
  const created = await token('create', '--role', 'display', '--name', '大厅一号屏');
  const value = created.trim().split('\n').at(-1)!;
  const id = /token (\d+)/.exec(created)![1];
  expect((await server.gql('{ viewer { role tokenName } }', {}, value)).data!.viewer).toEqual({
    role: 'DISPLAY',
    tokenName: '大厅一号屏',
  });
  expect(await token('list')).toMatch(
    new RegExp(`^${id}\\tdisplay\\t大厅一号屏\\tall\\tactive\\t(never used|last used \\S+)$`, 'm'),
  );
  await token('revoke', '--id', id);
  expect((await server.gql('{ viewer { role } }', {}, value)).status).toBe(401);
  expect(await token('list')).toMatch(new RegExp(`^${id}\\tdisplay\\t大厅一号屏\\tall\\trevoked `, 'm'));
});

it('explains a bad role instead of creating anything', async () => {
  await expect(token('create', '--role', 'mayor', '--name', 'x')).rejects.toThrow(
    /--role must be one of admin, leader, analyst, grid_worker, display/,
  );
});
