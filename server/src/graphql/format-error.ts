import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';

/** Codes that Apollo or this app give to expected failures; anything else is a bug. */
const EXPECTED = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ILLEGAL_TRANSITION',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Whether an error is one of the expected failures, with a code clients rely on. */
export function isExpected(error: unknown): boolean {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === 'string' && EXPECTED.has(code)) return true;
  const original = unwrapResolverError(error);
  return (
    original instanceof GraphQLError &&
    typeof original.extensions?.code === 'string' &&
    EXPECTED.has(original.extensions.code)
  );
}

/** Pass expected errors through; in production, hide the detail of the rest (the request log has them). */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (!production || isExpected(error)) return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
