import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { runCommand } from './commands';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** npm run user -- ARGS, as its own process. */
const user = (args: string[], input = '') => runCommand('user', args, { DATABASE_URL: inject('databaseUrl') }, input);

it('prints its usage for --help, and one line with exit code 2 for an unknown option or command', async () => {
  const help = await user(['--help']);
  expect(help.code).toBe(0);
  expect(help.out).toContain('npm run user -- create --username li.ming --role leader --scope 410200-001');
  const unknown = await user(['create', '--colour', 'red']);
  expect(unknown.code).toBe(2);
  expect(unknown.err.trim()).toBe("Unknown option '--colour' (see --help)");
  expect((await user(['promote'])).err.trim()).toBe('Unknown command "promote" (see --help)');
});

it('creates an account with a one-time password that signs in, lists it, disables it and resets its password', async () => {
  const created = await user([
    'create',
    '--username',
    'li.ming',
    '--name',
    '李明',
    '--role',
    'leader',
    '--scope',
    '410200-001',
  ]);
  expect(created.code, created.err).toBe(0);
  const password = created.out.trim().split('\n').at(-1)!;
  expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
  expect((await server.signIn('li.ming', password)).status).toBe(200);
  expect((await user(['list'])).out).toMatch(/^li\.ming\tleader\t410200-001\t李明\tactive\tlast sign-in \S+$/m);

  expect((await user(['disable', '--username', 'li.ming'])).code).toBe(0);
  expect((await server.signIn('li.ming', password)).status).toBe(401);
  expect((await user(['enable', '--username', 'li.ming'])).code).toBe(0);
  const reset = await user(['reset-password', '--username', 'li.ming']);
  const fresh = reset.out.trim().split('\n').at(-1)!;
  expect((await server.signIn('li.ming', password)).status).toBe(401);
  expect((await server.signIn('li.ming', fresh)).status).toBe(200);
});

it('takes a password on standard input, and refuses one that is too short', async () => {
  const ok = await user(
    ['create', '--username', 'zhao.lei', '--role', 'analyst', '--password-stdin'],
    'a-long-passphrase\n',
  );
  expect(ok.code, ok.err).toBe(0);
  expect(ok.out).not.toContain('a-long-passphrase');
  expect((await server.signIn('zhao.lei', 'a-long-passphrase')).status).toBe(200);
  const short = await user(['create', '--username', 'qian.li', '--role', 'analyst', '--password-stdin'], 'short\n');
  expect(short.code).toBe(1);
  expect(short.err.trim()).toBe('The password must be at least 10 characters long');
  expect(await server.db.account.count({ where: { username: 'qian.li' } })).toBe(0);
});
