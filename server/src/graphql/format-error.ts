import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';

/** Codes that Apollo or this app give to expected failures; anything else is a bug. */
const EXPECTED = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'ILLEGAL_TRANSITION', 'CONFLICT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/** Pass expected errors through; log unexpected ones and, in production, hide their detail. */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && EXPECTED.has(code)) return formatted;
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError && original.extensions?.code && EXPECTED.has(original.extensions.code as string)) return formatted;
    console.error('Unexpected error in', formatted.path?.join('.') ?? 'request', original);
    return production ? { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } } : formatted;
  };
}
