import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** The environment with `.env` (in the working directory) under it: a variable set in the real environment wins. */
export function withEnvFile(env: NodeJS.ProcessEnv = process.env, file = '.env'): NodeJS.ProcessEnv {
  if (!existsSync(file)) return env;
  return { ...parseEnv(readFileSync(file, 'utf8')), ...env };
}
