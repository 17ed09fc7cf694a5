import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Client types from the committed schema (server/schema.graphql), never written by hand.
 * `npm run codegen` writes client/src/gql/ (not in git); install, build, typecheck and
 * lint run it first.
 */
const config: CodegenConfig = {
  schema: 'server/schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
  errorsOnly: true,
};

export default config;
