import { ACCOUNT_ROLES, type Role } from '../../../shared/enums';
import { createAccount, listAccounts, resetPassword, setAccountDisabled } from '../modules/admin/admin.service';
import { readStdin, runCommandLine, UsageError, type OptionValues } from './command-line';

const CLI = { name: 'cli', address: null };

function username(values: OptionValues): string {
  if (typeof values.username !== 'string') throw new UsageError('--username NAME is required');
  return values.username;
}

await runCommandLine({
  usage: `npm run user -- COMMAND [options]

  create --username NAME --role ROLE [--name 显示名] [--scope CODE] [--password-stdin]
         make an account and print its password once (or take it from standard input).
         ROLE: ${ACCOUNT_ROLES.join(', ').toLowerCase()}. --scope: a sub-district or community
         code; a grid code for a grid worker; none for all.
         e.g. npm run user -- create --username li.ming --role leader --scope 410200-001
  list   every account: username, role, scope, name, state, last sign-in
  disable --username NAME         refuse the account's sign-ins and end its sessions
  enable --username NAME
  reset-password --username NAME [--password-stdin]
         print a new one-time password (or take it from standard input); sessions end`,
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    scope: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  async run([command], values, db) {
    const password = values['password-stdin'] ? await readStdin() : undefined;
    if (command === 'create') {
      const role = String(values.role ?? '').toUpperCase() as Role;
      if (!(ACCOUNT_ROLES as readonly string[]).includes(role))
        throw new UsageError(`--role must be one of ${ACCOUNT_ROLES.join(', ').toLowerCase()}`);
      const created = await createAccount(db, CLI, {
        username: username(values),
        displayName: String(values.name ?? values.username),
        role,
        scope: (values.scope as string | undefined) ?? null,
        password,
      });
      const { account } = created;
      console.log(`account ${account.username} (${role.toLowerCase()}, ${account.scope ?? 'all'}) created`);
      if (!password) console.log(`password, shown once: hand it over now\n${created.password}`);
    } else if (command === 'list') {
      for (const a of await listAccounts(db)) {
        const state = a.disabledAt ? `disabled ${a.disabledAt.toISOString()}` : 'active';
        const login = a.lastLoginAt ? `last sign-in ${a.lastLoginAt.toISOString()}` : 'never signed in';
        console.log([a.username, a.role.toLowerCase(), a.scope ?? 'all', a.displayName, state, login].join('\t'));
      }
    } else if (command === 'disable' || command === 'enable') {
      await setAccountDisabled(db, CLI, username(values), command === 'disable');
      console.log(`account ${username(values)} ${command}d`);
    } else if (command === 'reset-password') {
      const next = await resetPassword(db, CLI, username(values), password);
      console.log(`password of ${username(values)} reset; its sessions have ended`);
      if (!password) console.log(`new password, shown once:\n${next}`);
    } else {
      throw new UsageError(
        command ? `Unknown command "${command}"` : 'Say what to do: create, list, disable, enable or reset-password',
      );
    }
  },
});
