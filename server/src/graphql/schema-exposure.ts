import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';

/** GRAPHQL_INTROSPECTION: who may read the schema through __schema and __type, and see "Did you mean …?". */
export const INTROSPECTION_SETTINGS = ['signed-in', 'everyone', 'off'] as const;
export type IntrospectionSetting = (typeof INTROSPECTION_SETTINGS)[number];

/** Whether the viewer may read the schema: by default anyone who signed in or sent a token. */
export function mayReadSchema(viewer: Viewer, setting: IntrospectionSetting): boolean {
  return setting === 'everyone' || (setting === 'signed-in' && viewer.via !== 'none');
}

/** The document's introspection fields as errors, for a viewer who may not read the schema; else none. */
export function introspectionErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  viewer: Viewer,
  setting: IntrospectionSetting,
): readonly GraphQLError[] {
  if (mayReadSchema(viewer, setting)) return [];
  return validate(schema, document, [NoSchemaIntrospectionCustomRule]).map(
    (error) =>
      new GraphQLError(
        setting === 'off'
          ? 'Introspection is off on this server (GRAPHQL_INTROSPECTION=off); the schema is in the README'
          : 'Introspection needs signing in (/login) or an API token (Authorization: Bearer <token>)',
        { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
      ),
  );
}

/** "Cannot query field "x". Did you mean "y"?" without the suggestion, which would spell out the schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ Did you mean .+\?$/s, '');
}

/**
 * Over HTTP: introspection refused, and suggestions taken out of error messages, for
 * viewers who may not read the schema. (Apollo's own switches apply to everyone alike.)
 */
export function schemaExposure(setting: IntrospectionSetting): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, schema }) {
      const hidden = !mayReadSchema(contextValue.viewer, setting);
      return {
        async didResolveOperation({ document }) {
          const [refused] = introspectionErrors(schema, document, contextValue.viewer, setting);
          if (refused) throw refused;
        },
        async willSendResponse({ response }) {
          if (!hidden || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            message: withoutSuggestions(error.message),
          }));
        },
      };
    },
  };
}
