import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildAppSchema, SCHEMA_FILE } from '../../server/src/graphql/schema';

it('matches the committed server/schema.graphql (run npm run schema:emit after an API change)', async () => {
  const emitted = join(mkdtempSync(join(tmpdir(), 'schema-')), 'schema.graphql');
  await buildAppSchema(undefined, emitted);
  expect(readFileSync(emitted, 'utf8')).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
});
