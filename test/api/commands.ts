import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  out: string;
  err: string;
  /** Standard output and error as they came. */
  output: string;
}

/**
 * An `npm run` command (server/src/cli/NAME.ts) as its own process. Asynchronous, not
 * spawnSync: a test's server runs in this process, and a blocked event loop lets its
 * keep-alive timers close sockets that the next request then reuses.
 */
export function runCommand(
  name: string,
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/src/cli/${name}.ts`, ...args], {
      env: { ...process.env, ...env },
    });
    const result = { out: '', err: '', output: '' };
    child.stdout.on('data', (chunk) => ((result.out += chunk), (result.output += chunk)));
    child.stderr.on('data', (chunk) => ((result.err += chunk), (result.output += chunk)));
    child.on('close', (code) => resolve({ code, ...result }));
    child.stdin.end(input);
  });
}
