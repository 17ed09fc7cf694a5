import { ROLES, type Role } from '../../../shared/enums';
import { issueToken, listTokens, revokeToken } from '../modules/admin/admin.service';
import { runCommandLine, UsageError } from './command-line';

const CLI = { name: 'cli', address: null };

await runCommandLine({
  usage: `npm run token -- COMMAND [options]

  create --role ROLE --name NAME [--scope CODE] [--expires YYYY-MM-DD]
         make a token and print it once. ROLE: ${ROLES.join(', ').toLowerCase()}.
         --scope: a sub-district or community code; a grid code for a grid worker.
         e.g. npm run token -- create --role display --name "大厅一号屏"
  list   every token: id, role, name, scope, state, last used
  revoke --id N
         refuse the token from now on; an open wall with it stops within a minute`,
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    scope: { type: 'string' },
    expires: { type: 'string' },
    id: { type: 'string' },
  },
  async run([command], values, db) {
    if (command === 'create') {
      const role = String(values.role ?? '').toUpperCase() as Role;
      if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ').toLowerCase()}`);
      if (!values.name) throw new UsageError('--name is required: say which screen or person the token is for');
      const expiresAt = values.expires ? new Date(String(values.expires)) : null;
      if (expiresAt && Number.isNaN(expiresAt.getTime()))
        throw new UsageError(`--expires must be a date such as 2027-06-30, got "${values.expires}"`);
      const { token, value } = await issueToken(db, CLI, {
        role,
        name: String(values.name),
        scope: (values.scope as string | undefined) ?? null,
        expiresAt,
      });
      console.log(`token ${token.id} (${role.toLowerCase()}, ${token.name}); shown once, store it now:\n${value}`);
    } else if (command === 'list') {
      const now = new Date();
      for (const t of await listTokens(db)) {
        const state = t.revokedAt
          ? `revoked ${t.revokedAt.toISOString()}`
          : t.expiresAt && t.expiresAt <= now
            ? `expired ${t.expiresAt.toISOString()}`
            : 'active';
        const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : 'never used';
        console.log([t.id, t.role.toLowerCase(), t.name, t.scope ?? 'all', state, used].join('\t'));
      }
    } else if (command === 'revoke') {
      const id = Number(values.id);
      if (!Number.isInteger(id)) throw new UsageError('--id N is required (see npm run token -- list)');
      await revokeToken(db, CLI, id);
      console.log(`token ${id} revoked; requests with it are refused from now on`);
    } else {
      throw new UsageError(command ? `Unknown command "${command}"` : 'Say what to do: create, list or revoke');
    }
  },
});
