import Sqlite from 'libsql';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS } from './sqlite-busy-timeout';

it('makes every libsql connection wait for a lock instead of failing at once (libsql opens them with 0)', () => {
  const connection = new Sqlite(join(mkdtempSync(join(tmpdir(), 'busy-')), 'a.db'));
  expect(connection.pragma('busy_timeout')).toEqual([{ timeout: BUSY_TIMEOUT_MS }]);
  connection.close();
});
