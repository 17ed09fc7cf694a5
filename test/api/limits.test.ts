import { parse, specifiedRules, validate, type DocumentNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as clientDocuments from '../../client/src/gql/graphql';
import { DEFAULT_LIMITS, limitRules } from '../../server/src/graphql/limits';
import { buildAppSchema } from '../../server/src/graphql/schema';
import { startTestServer, TEST_DISPLAY_TOKEN, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: communities { code }`).join(' ')} }`;
/** Fragments that each spread the previous one twice: 2^n fields if a rule followed every spread anew. */
const doubling = (n: number) =>
  `query { ...F${n} } fragment F0 on Query { communities { code } } ` +
  Array.from({ length: n }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ');

describe('operation limits', () => {
  it('leave every operation the dashboard and the wall send well inside them', async () => {
    const schema = await buildAppSchema();
    const documents = Object.entries(clientDocuments).filter(([name]) => name.endsWith('Document')) as [
      string,
      DocumentNode,
    ][];
    expect(documents.length).toBeGreaterThan(15);
    // Half the aliases and a quarter of the cost: room for the client to grow.
    const tight = limitRules({ ...DEFAULT_LIMITS, aliases: DEFAULT_LIMITS.aliases / 2, cost: DEFAULT_LIMITS.cost / 4 });
    for (const [name, document] of documents)
      expect(
        validate(schema, document, [...specifiedRules, ...tight]).map((e) => e.message),
        name,
      ).toEqual([]);
  });

  it('price a connection’s edges by the page it asks for, and a page given in a variable as the largest', async () => {
    const schema = await buildAppSchema();
    const costOf = (query: string) => {
      const [error] = validate(schema, parse(query), limitRules({ ...DEFAULT_LIMITS, cost: 1 }));
      return Number(/cost about ([\d,]+)/.exec(error?.message ?? '')?.[1].replaceAll(',', ''));
    };
    const page = (first: string) =>
      `query($n: Int) { cases(first: ${first}) { edges { node { code events { to } } } } }`;
    // cases + edges + first × (node + code + events + events' 20 × to)
    expect(costOf(page('200'))).toBe(2 + 200 * (1 + 1 + 1 + 20));
    expect(costOf(page('$n'))).toBe(costOf(page('200')));
    expect(costOf(page('10'))).toBe(2 + 10 * 23);
    const wide = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: cases(first: 200) { edges { node { code events { to note } } } }`).join(' ')} }`;
    expect(validate(schema, parse(wide), limitRules(DEFAULT_LIMITS)).map((e) => e.message)).toEqual([
      expect.stringContaining('would cost about'),
    ]);
  });

  it('refuse too many aliases, too high a cost and too many tokens over HTTP, before anything runs', async () => {
    const tooMany = await server.gql(aliases(DEFAULT_LIMITS.aliases + 1));
    expect(tooMany.status).toBe(400);
    expect(tooMany.errors![0].message).toMatch(/aliases/i);
    const expensive = await server.gql(doubling(20));
    expect(expensive.status).toBe(400);
    expect(expensive.errors!.map((e) => e.message).join(' ')).toMatch(/cost/i);
    const long = await server.gql(`{ ${'__typename '.repeat(DEFAULT_LIMITS.tokens)} }`);
    expect(long.status).toBe(400);
    expect(long.errors![0].message).toMatch(/token/i);
    expect((await server.gql(aliases(5))).status).toBe(200);
  });

  it('checks doubling fragments in time linear in the document: thirty levels answer at once', async () => {
    const deep = await server.gql(doubling(30));
    expect(deep.status).toBe(400);
    expect(parse(doubling(30)).definitions).toHaveLength(32);
  });

  it('answer a body over the size limit and a malformed body with GraphQL-shaped errors', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const large = await post(
      JSON.stringify({ query: `{ communities { code } } # ${'x'.repeat(DEFAULT_LIMITS.bytes)}` }),
    );
    expect(large.status).toBe(413);
    expect((await large.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    expect((await broken.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('hold on the WebSocket too: queries there are validated with the same rules, big messages close it', async () => {
    const client = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { token: TEST_DISPLAY_TOKEN },
      retryAttempts: 0,
    });
    const ask = (query: string) =>
      new Promise<unknown>((resolve) => {
        client.subscribe(
          { query },
          {
            next: (result) => resolve(result.errors ? result.errors.map((e) => e.message).join(' ') : 'ok'),
            error: (error) => resolve(Array.isArray(error) ? error.map((e) => e.message).join(' ') : String(error)),
            complete: () => undefined,
          },
        );
      });
    expect(await ask('{ communities { code } }')).toBe('ok');
    expect(await ask(aliases(DEFAULT_LIMITS.aliases + 1))).toMatch(/aliases/i);
    expect(await ask(doubling(30))).toMatch(/cost/i);
    expect(await ask(`{ ${'__typename '.repeat(DEFAULT_LIMITS.tokens)} }`)).toMatch(/token/i);
    await client.dispose();

    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => raw.once('open', resolve));
    const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    raw.send('x'.repeat(DEFAULT_LIMITS.bytes + 1));
    expect(await closed).toBe(1009);
  });
});
