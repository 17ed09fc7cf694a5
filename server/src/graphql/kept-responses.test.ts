import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { PUBLIC_VIEWER } from '../auth/viewer';
import type { Context } from '../context';
import { keptResponses } from './kept-responses';

/** An answer whose JSON is `{"data":{"search":"…"}}`: 22 characters and the text. */
const ENVELOPE = 22;

/** A server answering `search(size)` (a root field whose answers are kept) with that many characters, keeping at most `most` characters of answers. */
async function serverKeeping(most: number) {
  const computed: number[] = [];
  const apollo = new ApolloServer<Context>({
    typeDefs: 'type Query { search(size: Int!): String! }',
    resolvers: {
      Query: { search: (_: unknown, { size }: { size: number }) => (computed.push(size), 'x'.repeat(size)) },
    },
    plugins: [keptResponses(60, 0, async () => ({ activity: '0', places: '0' }), most).plugin],
  });
  await apollo.start();
  const ask = async (size: number) => {
    const response = await apollo.executeOperation(
      { query: 'query($size: Int!) { search(size: $size) }', variables: { size } },
      { contextValue: { viewer: PUBLIC_VIEWER } as Context },
    );
    const body = response.body as { kind: 'single'; singleResult: { data?: { search: string } } };
    expect(body.singleResult.data?.search).toHaveLength(size);
  };
  return { ask, computed, stop: () => apollo.stop() };
}

describe('whole answers kept within a number of characters', () => {
  it('drops the least recently asked answers to keep a new one within the limit', async () => {
    const { ask, computed, stop } = await serverKeeping(3 * (302 + ENVELOPE));
    for (const size of [300, 301, 302]) await ask(size);
    await ask(300);
    expect(computed).toEqual([300, 301, 302]);
    // A fourth needs room: 301, asked least recently, goes; 300 was asked again and stays.
    await ask(303);
    await ask(300);
    await ask(302);
    expect(computed).toEqual([300, 301, 302, 303]);
    await ask(301);
    expect(computed).toEqual([300, 301, 302, 303, 301]);
    await stop();
  });

  it('never keeps an answer larger than the limit, and keeps what it held', async () => {
    const { ask, computed, stop } = await serverKeeping(1000);
    await ask(100);
    await ask(2000);
    await ask(2000);
    await ask(100);
    expect(computed).toEqual([100, 2000, 2000]);
    await stop();
  });
});
