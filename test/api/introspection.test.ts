import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SCHEMA_FILE } from '../../server/src/graphql/schema';
import { startTestServer, TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN, type TestServer } from './harness';

const STANDARD = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  inputValueDeprecation: true,
});
/** A misspelt field that graphql-js would answer with "Did you mean "communities"?". */
const MISSPELT = '{ communitie { code } }';

/** The first error of an operation sent over graphql-ws. */
async function overWebSocket(url: string, query: string, token?: string): Promise<string> {
  const client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { token } : {},
  });
  try {
    return await new Promise<string>((resolve, reject) =>
      client.subscribe(
        { query },
        {
          next: (result) => resolve(result.errors?.[0]?.message ?? 'answered'),
          error: (errors) => resolve((errors as { message: string }[])[0]?.message ?? String(errors)),
          complete: () => reject(new Error('completed without an answer')),
        },
      ),
    );
  } finally {
    await client.dispose();
  }
}

describe('with the default GRAPHQL_INTROSPECTION=signed-in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers the standard introspection query of a token holder with the committed schema', async () => {
    const response = await server.gql(STANDARD, {}, TEST_DISPLAY_TOKEN);
    expect(response.errors).toBeUndefined();
    const served = printSchema(lexicographicSortSchema(buildClientSchema(response.data as never)));
    expect(served).toBe(printSchema(lexicographicSortSchema(buildSchema(readFileSync(SCHEMA_FILE, 'utf8')))));
  });

  it('answers a signed-in session too', async () => {
    const { cookie } = await server.signIn('admin', TEST_ADMIN_PASSWORD);
    const response = await server.gql('{ __type(name: "Community") { name } }', {}, { cookie: cookie! });
    expect(response.data).toEqual({ __type: { name: 'Community' } });
  });

  it('refuses an anonymous caller __schema and __type, over HTTP and the WebSocket, and says how to get them', async () => {
    for (const query of [STANDARD, '{ __type(name: "Case") { fields { name } } }']) {
      const response = await server.gql(query);
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringContaining('signing in'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
    expect(await overWebSocket(server.url, '{ __schema { types { name } } }')).toContain('signing in');
    expect(await overWebSocket(server.url, '{ __schema { queryType { name } } }', TEST_ADMIN_TOKEN)).toBe('answered');
    // Asking for a type's name is not reading the schema.
    expect((await server.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('takes "Did you mean" out of an anonymous caller’s errors, and keeps it for a token holder', async () => {
    const anonymous = await server.gql(MISSPELT);
    expect(anonymous.errors?.[0].message).toBe('Cannot query field "communitie" on type "Query".');
    const holder = await server.gql(MISSPELT, {}, TEST_DISPLAY_TOKEN);
    expect(holder.errors?.[0].message).toContain('Did you mean "communities"');
    expect(await overWebSocket(server.url, MISSPELT)).toBe('Cannot query field "communitie" on type "Query".');
    expect(await overWebSocket(server.url, MISSPELT, TEST_DISPLAY_TOKEN)).toContain('Did you mean');
  });
});

describe('GRAPHQL_INTROSPECTION', () => {
  it('=everyone lets anonymous callers read the schema, =off refuses even an admin', async () => {
    const open = await startTestServer({ GRAPHQL_INTROSPECTION: 'everyone' });
    const closed = await startTestServer({ GRAPHQL_INTROSPECTION: 'off' });
    try {
      expect((await open.gql('{ __type(name: "Grid") { name } }')).data).toEqual({ __type: { name: 'Grid' } });
      expect((await open.gql(MISSPELT)).errors?.[0].message).toContain('Did you mean');
      const refused = await closed.gql('{ __type(name: "Grid") { name } }', {}, TEST_ADMIN_TOKEN);
      expect(refused.errors?.[0].message).toContain('GRAPHQL_INTROSPECTION=off');
    } finally {
      await Promise.all([open.close(), closed.close()]);
    }
  });
});
