import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { postgraphile, type Plugin } from 'postgraphile';

/** The place tables; accounts, sessions, tokens, cases and the audit log stay out of PostGraphile's schema. */
const PLACE_TABLES = new Set(['SubDistrict', 'Community', 'Grid', 'Building']);
/** What GridScope does not show visitors: grid workers' names and phones, and where buildings stand. */
const HIDDEN_COLUMNS = new Set(['Grid.workerName', 'Grid.workerPhone', 'Building.lat', 'Building.lng']);

/**
 * GridScope's `{ communities { code name grids { code name } } }` in PostGraphile's names: the communities
 * not retired, in the order they were loaded, each with its grids not retired by code, as GridScope's loaders
 * read them (server/src/loaders.ts).
 */
export const COMMUNITIES_WITH_GRIDS = `{
  allCommunitiesList(condition: { retiredAt: null }, orderBy: ID_ASC) {
    code
    name
    gridsByCommunityIdList(condition: { retiredAt: null }, orderBy: CODE_ASC) { code name }
  }
}`;

interface Entity {
  name: string;
  tags: Record<string, unknown>;
}
interface Introspection {
  class: Entity[];
  classById: Record<string, Entity>;
  attribute: (Entity & { classId: string })[];
}

/** Tags what PostGraphile must not expose with `@omit` as it reads the catalogue, as smart comments would. */
const placesOnly: Plugin = (builder) => {
  builder.hook(
    'build',
    (build) => {
      const augmentBefore = build.pgAugmentIntrospectionResults;
      build.pgAugmentIntrospectionResults = (introspection: Introspection) => {
        augmentBefore?.(introspection);
        for (const table of introspection.class) if (!PLACE_TABLES.has(table.name)) table.tags.omit = true;
        for (const column of introspection.attribute)
          if (HIDDEN_COLUMNS.has(`${introspection.classById[column.classId].name}.${column.name}`))
            column.tags.omit = true;
        return introspection;
      };
      return build;
    },
    [],
    ['PgIntrospection'],
    ['PgBasics'],
  );
};

/**
 * PostGraphile v4 as a library over the same PostgreSQL tables, with relations inferred from the foreign keys,
 * as it would be deployed: no GraphiQL, no watch, no mutations, no query log. GraphQL at /graphql on `port`;
 * the benchmark runs it as a process of its own (tsx test/bench/postgraphile.ts DATABASE_URL PORT) and ends it.
 */
async function servePostGraphile(databaseUrl: string, port: number) {
  // Read-only sessions: the comparison cannot change the database it measures. As many connections as GridScope's.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: '-c default_transaction_read_only=on' });
  const handler = postgraphile(pool, 'public', {
    appendPlugins: [placesOnly],
    simpleCollections: 'only',
    disableDefaultMutations: true,
    ignoreRBAC: false,
    legacyRelations: 'omit',
    setofFunctionsContainNulls: false,
    disableQueryLog: true,
  });
  await handler.getGraphQLSchema();
  createServer(handler).listen(port, '127.0.0.1');
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await servePostGraphile(process.argv[2], Number(process.argv[3]));
