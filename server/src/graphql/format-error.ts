import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable';
import { serviceUnavailable } from './errors';

/**
 * HTTP 503 with Retry-After when a resolver met a database that is away, so a load
 * balancer or client waits and retries instead of reporting a bug.
 */
export const databaseOutageStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        if (!errors?.some(isDatabaseUnavailable)) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  },
};

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
  'SERVICE_UNAVAILABLE',
  'QUERY_TIMEOUT',
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

/**
 * Pass expected errors through; a database that is away becomes SERVICE_UNAVAILABLE;
 * hide the detail of the rest (the request log has them) unless in development.
 */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isDatabaseUnavailable(error)) {
      const { message, extensions } = serviceUnavailable();
      return { message, path: formatted.path, extensions: { code: extensions.code } };
    }
    if (development || isExpected(error)) return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
