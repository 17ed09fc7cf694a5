import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../../shared/enums';
import { createToken } from '../auth/tokens';
import { readConfig } from '../config';
import { connectDatabase } from '../db/client';

const USAGE = `npm run token -- create --role display --name "大厅一号屏" [--scope CODE]
npm run token -- list
npm run token -- revoke --id N`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' }, id: { type: 'string' } },
});
const db = await connectDatabase(readConfig().databaseUrl);
try {
  const command = positionals[0];
  if (command === 'create') {
    const role = values.role?.toUpperCase() as Role;
    if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ').toLowerCase()}`);
    if (!values.name) throw new Error('--name is required: say which screen or person the token is for');
    const { id, token } = await createToken(db, { role, name: values.name, scope: values.scope ?? null });
    console.log(`token ${id} (${role.toLowerCase()}, ${values.name}); shown once, store it now:\n${token}`);
  } else if (command === 'list') {
    for (const t of await db.apiToken.findMany({ orderBy: { id: 'asc' } })) {
      console.log(
        [
          t.id,
          t.role.toLowerCase(),
          t.name,
          t.scope ?? 'all',
          t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active',
        ].join('\t'),
      );
    }
  } else if (command === 'revoke') {
    const id = Number(values.id);
    if (!Number.isInteger(id)) throw new Error('--id N is required (see npm run token -- list)');
    await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    console.log(`token ${id} revoked; requests with it are refused from now on`);
  } else {
    throw new Error(`Unknown command "${command ?? ''}"`);
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\nUsage:\n${USAGE}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
