import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export interface Cluster {
  url: string;
  stop(): Promise<void>;
}

export interface Clusters {
  /** A new, empty primary. */
  primary(): Promise<Cluster>;
  /** A streaming replica of `primary` (pg_basebackup), applying each commit `applyDelay` after the primary made it. */
  replica(primary: Cluster, applyDelay: string): Promise<Cluster>;
  /** Stop every cluster and delete their files. */
  remove(): Promise<void>;
}

const exec = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The major version of the PostgreSQL server at `url`, whose binaries the clusters use. */
async function majorVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  await client.end();
  return Math.floor(Number(rows[0].server_version_num) / 10_000);
}

/**
 * PostgreSQL clusters of their own in a temporary folder, made with the binaries of the test
 * server's version: a replica of the test server itself would copy every database on it, and
 * its pg_hba.conf need not allow replication. PostgreSQL refuses to run as root, so as root
 * (CI) they run as the postgres user.
 */
export async function localClusters(testServerUrl: string): Promise<Clusters> {
  const bin = `/usr/lib/postgresql/${await majorVersion(testServerUrl)}/bin`;
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const run = async (command: string, args: string[]) => {
    const [file, ...rest] = [...asPostgres, command, ...args];
    return (await exec(file, rest)).stdout.trim();
  };
  const folder = await run('mktemp', ['-d', join(tmpdir(), 'gridscope-clusters-XXXXXX')]);
  const running = new Set<Cluster>();

  async function start(name: string, settings: string[]): Promise<Cluster> {
    const port = await freePort();
    const data = join(folder, name);
    const options = ['-p', String(port), '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${folder}`];
    // Nothing here needs to survive a crash; small buffers, two clusters share the machine.
    options.push('-c fsync=off', '-c shared_buffers=16MB', ...settings.map((setting) => `-c ${setting}`));
    await run(`${bin}/pg_ctl`, ['-D', data, '-l', `${data}.log`, '-w', '-t', '60', '-o', options.join(' '), 'start']);
    const cluster: Cluster = {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        running.delete(cluster);
        await run(`${bin}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      },
    };
    running.add(cluster);
    return cluster;
  }

  return {
    async primary() {
      const data = join(folder, 'primary');
      // initdb's pg_hba.conf trusts replication connections from 127.0.0.1.
      await run(`${bin}/initdb`, [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '-N',
      ]);
      return start('primary', []);
    },
    async replica(primary, applyDelay) {
      const data = join(folder, 'replica');
      const { hostname, port } = new URL(primary.url);
      await run(`${bin}/pg_basebackup`, [
        '-h',
        hostname,
        '-p',
        port,
        '-U',
        'postgres',
        '-D',
        data,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
        '-N',
      ]);
      return start('replica', [`recovery_min_apply_delay=${applyDelay}`]);
    },
    async remove() {
      for (const cluster of running) await cluster.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
