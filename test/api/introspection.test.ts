import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../server/src/graphql/schema';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('answers the standard introspection query that GraphiQL and code generators send, with the committed schema', async () => {
  const response = await server.gql(
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      inputValueDeprecation: true,
    }),
  );
  expect(response.errors).toBeUndefined();
  const served = printSchema(lexicographicSortSchema(buildClientSchema(response.data as never)));
  expect(served).toBe(printSchema(lexicographicSortSchema(buildSchema(readFileSync(SCHEMA_FILE, 'utf8')))));
});
