import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request, type ClientRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { connectDatabase } from '../../server/src/db/client';
import { seededDatabase, type ScratchDatabase } from './databases';
import { TEST_ADMIN_TOKEN } from './tokens';

// The server as operators run it, a process of its own: SIGTERM, then its answers, its probe and its exit.

interface Running {
  child: ChildProcess;
  port: number;
  /** The started process and every process under it, once it was ready. */
  tree: number[];
  /** Everything the process printed, line by line (the log lines are JSON). */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: { data?: Record<string, any> | null; errors?: unknown[] };
}

let database: ScratchDatabase;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(() => database.drop());

/** Starts `command` on the scratch database and resolves once it logs that it is ready. */
async function startServer(command: string, args: string[], env: Record<string, string>): Promise<Running> {
  const child = spawn(command, args, {
    env: { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  const output: string[] = [];
  const exited = new Promise<Awaited<Running['exited']>>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  let tree = [child.pid!];
  // What a failed test leaves running is ended here, by pid.
  onTestFinished(async () => {
    for (const pid of await alive(tree)) process.kill(pid, 'SIGKILL');
  });
  const url = await new Promise<string>((resolve, reject) => {
    let rest = '';
    const read = (chunk: Buffer) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      output.push(...lines);
      const ready = lines.map(parse).find((line) => line?.msg === '网格通 GridScope ready');
      if (ready) resolve(ready.url);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(({ code }) => reject(new Error(`exited with ${code} before it was ready:\n${output.join('\n')}`)));
  });
  tree = await processTree(child.pid!);
  return { child, port: Number(new URL(url).port), tree, output, exited };
}

function parse(line: string): Record<string, any> | null {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** A POST /graphql whose body the caller sends (`req.end(body)`), and its answer read whole. */
function graphql(port: number, agent: Agent | false, operation: object, token?: string) {
  const body = JSON.stringify(operation);
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...(token && { authorization: `Bearer ${token}` }),
    },
  });
  const answer = answerOf(req).catch((error: NodeJS.ErrnoException) => error);
  return { req, body, answer };
}

async function answerOf(req: ClientRequest): Promise<Answer> {
  const [res] = await once(req, 'response');
  let text = '';
  for await (const chunk of res) text += chunk;
  return { status: res.statusCode, connection: res.headers.connection, body: JSON.parse(text) };
}

/**
 * A request the server has begun (it answered the headers with 100 Continue) and that waits for its
 * body until `finish()`.
 */
async function heldRequest(port: number, query: string) {
  const call = graphql(port, new Agent({ keepAlive: true }), { query });
  call.req.setHeader('expect', '100-continue');
  call.req.flushHeaders();
  await once(call.req, 'continue');
  return { answer: call.answer, finish: () => call.req.end(call.body) };
}

/** A keep-alive agent with `count` connections to the server already open. */
async function openConnections(port: number, count: number): Promise<Agent> {
  const agent = new Agent({ keepAlive: true, maxSockets: count });
  const calls = Array.from({ length: count }, () => graphql(port, agent, { query: '{ __typename }' }));
  for (const call of calls) call.req.end(call.body);
  await Promise.all(calls.map((call) => call.answer));
  return agent;
}

/**
 * GET /readyz on a new connection each time until the server stops accepting (or, failing that, for 20 s):
 * what it answered until then, and whether it stopped.
 */
async function readinessUntilRefused(port: number) {
  const answers: { status: number; problems: string[] }[] = [];
  for (const end = Date.now() + 20_000; Date.now() < end; await delay(50)) {
    try {
      const { status, body } = await answerOf(
        request({ host: '127.0.0.1', port, path: '/readyz', agent: false }).end(),
      );
      answers.push({ status, problems: (body as { problems: string[] }).problems });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') return { answers, refused: true };
      // A connection accepted into the backlog just as the server closes is reset; the next one tells.
    }
  }
  return { answers, refused: false };
}

/** `pid` and every process under it, children of children included. */
async function processTree(pid: number): Promise<number[]> {
  const { stdout } = await promisify(execFile)('ps', ['-e', '-o', 'pid=,ppid=']);
  const pairs = stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of pairs) if (parent === tree[i] && !tree.includes(child)) tree.push(child);
  return tree;
}

/** Those of `pids` still running (a zombie has exited; it only waits for its parent to reap it). */
async function alive(pids: number[]): Promise<number[]> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'pid=,stat=', '-p', pids.join(',')]).catch(() => ({
    stdout: '',
  }));
  const rows = stdout.trim().split('\n').filter(Boolean);
  return rows.map((row) => row.trim().split(/\s+/)).flatMap(([pid, stat]) => (stat.startsWith('Z') ? [] : [+pid]));
}

/** A 200 with data and no errors. */
function expectAnswered(answer: Answer | Error, label: string) {
  expect(answer, label).toMatchObject({ status: 200, body: { data: expect.any(Object) } });
  expect(answer, label).not.toHaveProperty('body.errors');
}

const READS = [
  '{ communities { code population } }',
  '{ community(code: "kangle") { grids { code } } }',
  '{ mapFeatures(level: GRID, communityCode: "kangle", metric: BACKLOG) }',
];
const report = (n: number) => ({
  query: 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }',
  variables: { i: { gridCode: '410200-001-001-01', category: 'FACILITY', description: `停机时上报 ${n}` } },
});

describe('npm start, then SIGTERM', () => {
  it('goes red, answers every request already sent, closes its connections, exits 0 and leaves no process', async () => {
    const server = await startServer('npm', ['start'], { SHUTDOWN_GRACE_SECONDS: '1', SHUTDOWN_TIMEOUT_SECONDS: '10' });
    const { port } = server;
    expect((await answerOf(request({ host: '127.0.0.1', port, path: '/readyz', agent: false }).end())).status).toBe(
      200,
    );
    // Two requests whose bodies come only after the server stops accepting new connections.
    const held = await Promise.all([heldRequest(port, READS[0]), heldRequest(port, READS[1])]);

    // 40 reads and writes over 8 keep-alive connections, and the signal after the first answer.
    const agent = await openConnections(port, 8);
    let signalled = false;
    const burst = Array.from({ length: 40 }, (_, n) => {
      const call =
        n % 4 === 3 ? graphql(port, agent, report(n), TEST_ADMIN_TOKEN) : graphql(port, agent, { query: READS[n % 3] });
      // Sent when written whole; a request refused a connection (after the server stopped accepting) never was.
      const sentBeforeSignal = once(call.req, 'finish').then(
        () => !signalled,
        () => false,
      );
      call.req.end(call.body);
      return { ...call, sentBeforeSignal };
    });
    await Promise.race(burst.map((call) => call.answer));
    signalled = true;
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');

    // Red during the grace (from its first 503 on, and for that reason), then no new connection.
    const readiness = await readinessUntilRefused(port);
    const red = readiness.answers.findIndex((answer) => answer.status === 503);
    expect(red, JSON.stringify(readiness)).toBeGreaterThanOrEqual(0);
    for (const answer of readiness.answers.slice(red))
      expect(answer).toEqual({ status: 503, problems: ['shutting down'] });
    expect(readiness.refused).toBe(true);

    // Still answered in full, and told that their connection closes.
    for (const request of held) request.finish();
    for (const answer of await Promise.all(held.map((request) => request.answer))) {
      expectAnswered(answer, 'held request');
      expect(answer).toHaveProperty('connection', 'close');
    }

    const answers = await Promise.all(burst.map((call) => call.answer));
    const sentBefore = await Promise.all(burst.map((call) => call.sentBeforeSignal));
    expect(burst.filter((call) => call.req.reusedSocket).length).toBeGreaterThan(0);
    expect(sentBefore.filter(Boolean).length).toBeGreaterThan(0);
    // Those sent before the signal answered in full, as any other that the server took (the rest found it closed).
    answers.forEach((answer, n) => {
      if (sentBefore[n] || !(answer instanceof Error)) expectAnswered(answer, `request ${n}`);
    });

    const exit = await server.exited;
    expect(exit, server.output.join('\n')).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan((1 + 10) * 1000);
    expect(server.output.map((line) => parse(line)?.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    // npm passed the signal on to node: nothing it started is left.
    await expect.poll(() => alive(server.tree), { timeout: 10_000 }).toEqual([]);

    const acknowledged = answers.flatMap((answer) =>
      answer instanceof Error || !answer.body.data?.reportCase ? [] : [answer.body.data.reportCase.code as string],
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    const db = await connectDatabase(database.url);
    try {
      expect(await db.case.count({ where: { code: { in: acknowledged } } })).toBe(acknowledged.length);
    } finally {
      await db.$disconnect();
    }
  });
});

describe('SHUTDOWN_TIMEOUT_SECONDS', () => {
  it('ends the process, with code 1 and a log line, when a request is still running that long after the grace', async () => {
    const server = await startServer(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
      SHUTDOWN_GRACE_SECONDS: '0',
      SHUTDOWN_TIMEOUT_SECONDS: '1',
    });
    const stuck = await heldRequest(server.port, READS[0]);
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit, server.output.join('\n')).toMatchObject({ code: 1, signal: null });
    expect(server.output.map(parse)).toContainEqual(
      expect.objectContaining({ msg: expect.stringContaining('SHUTDOWN_TIMEOUT_SECONDS'), timeoutSeconds: 1 }),
    );
    expect(await stuck.answer).toBeInstanceOf(Error);
  });
});
