import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { Context } from '../context';

/** The longest-computed answers kept at once: a city's communities with their grids is 2 MB of JSON. */
const MOST_KEPT = 32;

export interface KeptResponses {
  plugin: ApolloServerPlugin<Context>;
  /** The data has changed: no answer computed before is sent again. */
  changed(): void;
}

interface Kept {
  version: number;
  until: number;
  response: GraphQLResponse;
}

/**
 * Whole answers to queries that took at least `fromMs` to answer (waiting for their turns
 * included, so that a loaded server keeps more), kept on this instance for `seconds` or until the
 * data changes (the same live events and limit as the aggregates' kept answers, db/answers.ts),
 * for the same caller asking the same question. A city's communities with their grids are 38,500
 * objects for GraphQL to resolve, whatever the database answers in; asked again, they are sent as
 * they were. Callers are told apart by everything the resolvers know of
 * them (role, jurisdiction, name): no answer reaches a caller who could not have been given it,
 * and each request is still authenticated, limited and checked before its answer is looked up.
 * Answers with errors are never kept.
 */
export function keptResponses(seconds: number, fromMs: number): KeptResponses {
  let version = 0;
  const kept = new Map<string, Kept>();
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const started = { at: performance.now(), version };
      let key: string | null = null;
      return {
        async responseForOperation({ operation, operationName, queryHash, request, contextValue }) {
          if (operation.operation !== 'query') return null;
          const { role, scope, via, name, displayName } = contextValue.viewer;
          key = JSON.stringify([
            role,
            scope,
            via,
            name,
            displayName,
            queryHash,
            operationName,
            request.variables ?? {},
          ]);
          const hit = kept.get(key);
          kept.delete(key);
          if (!hit || hit.version !== version || hit.until <= Date.now()) return null;
          kept.set(key, hit);
          return hit.response;
        },
        async willSendResponse({ response }) {
          const tookMs = performance.now() - started.at;
          if (key === null || kept.has(key) || tookMs < fromMs || started.version !== version) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          kept.set(key, {
            version,
            until: Date.now() + seconds * 1000,
            response: { body: response.body, http: { headers: new HeaderMap() } },
          });
          if (kept.size > MOST_KEPT) kept.delete(kept.keys().next().value!);
        },
      };
    },
  };
  return {
    plugin,
    changed() {
      version++;
      kept.clear();
    },
  };
}
