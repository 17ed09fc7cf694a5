import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';
import { KEEP_NO_WHOLE_ANSWERS } from '../api/harness';
import { TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN } from '../api/tokens';

/** A real server process on a fixed port over the run's database, for tests that kill and restart it. */
export class ServerProcess {
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // node --import tsx runs the server in this very process (the tsx CLI would fork a child that SIGKILL misses).
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        PORT: String(this.port),
        HOST: '127.0.0.1',
        SEED_ON_START: 'false',
        ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        DISPLAY_TOKEN: TEST_DISPLAY_TOKEN,
        ...KEEP_NO_WHOLE_ANSWERS,
        ...this.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (
        await fetch(`${this.url}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`The server on port ${this.port} did not start within 60 s`);
  }

  /** SIGKILL: no graceful shutdown, as when the process dies or the machine loses power. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
    this.child = null;
  }
}
