import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { isExpected } from '../graphql/format-error';
import type { Metrics } from './metrics';

/**
 * One log line and one histogram sample per GraphQL request: request id, operation
 * name and type, duration, the caller's role, and the codes of any errors. Never the
 * query text, variables or results, which may hold personal data.
 */
export function requestLog(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!isExpected(error))
              contextValue.log.error(
                { err: error.originalError ?? error, path: error.path?.join('.') },
                'unexpected error',
              );
          }
        },
        async willSendResponse({ operation, operationName, errors }) {
          const seconds = (performance.now() - started) / 1000;
          const name = operationName ?? operation?.name?.value ?? 'anonymous';
          const type = operation?.operation ?? 'unknown';
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          metrics.requests.observe({ operation: name, type }, seconds);
          for (const code of codes) metrics.errors.inc({ code });
          contextValue.log.info(
            {
              operation: name,
              type,
              durationMs: Math.round(seconds * 1000),
              role: contextValue.viewer.role,
              errors: codes.length ? codes : undefined,
            },
            'graphql',
          );
        },
      };
    },
  };
}
