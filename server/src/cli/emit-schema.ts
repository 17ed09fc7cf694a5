import { buildAppSchema, SCHEMA_FILE } from '../graphql/schema';

await buildAppSchema(undefined, SCHEMA_FILE);
console.log(`wrote ${SCHEMA_FILE}`);
