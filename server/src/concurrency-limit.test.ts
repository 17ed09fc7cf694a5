import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { concurrencyLimit } from './rate-limit';

/** A handler that answers only when the test lets it, to hold requests in flight. */
let url: string;
let close: () => void;
const running: string[] = [];
const held: (() => void)[] = [];
beforeAll(async () => {
  const app = express();
  app.set('trust proxy', true);
  app.use(concurrencyLimit(2, 1));
  app.get('/work', (req, res) => {
    running.push(String(req.query.name));
    held.push(() => res.send('done'));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const ask = (name: string, address: string) =>
  fetch(`${url}/work?name=${name}`, { headers: { 'x-forwarded-for': address } });
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

it('runs two requests of a caller at once, queues the next, refuses beyond the queue, and runs other callers at once', async () => {
  const answers = [ask('a1', '192.0.2.1'), ask('a2', '192.0.2.1')];
  await until(() => running.length === 2);
  const third = ask('a3', '192.0.2.1');
  const fourth = await ask('a4', '192.0.2.1');
  expect(fourth.status).toBe(429);
  expect(fourth.headers.get('retry-after')).toBe('1');
  const other = ask('b1', '192.0.2.2');
  await until(() => running.length === 3);
  expect(running).toEqual(['a1', 'a2', 'b1']);
  held.shift()!();
  await until(() => running.length === 4);
  expect(running.at(-1)).toBe('a3');
  for (const answer of held.splice(0)) answer();
  expect((await Promise.all([...answers, third, other])).map((r) => r.status)).toEqual([200, 200, 200, 200]);
});
