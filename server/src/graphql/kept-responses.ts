import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../context';
import { answerSource, holds, moveOn, type Changed, type Versions } from '../db/answers';
import { hasReadActivity, noteReadsFromHere } from '../db/deadline';

/**
 * The JSON kept at most, in characters, per instance: 32 of a city's communities with their grids
 * (2 MB each). The least recently asked go first; an answer larger than all of it is never kept.
 */
export const MOST_KEPT_CHARACTERS = 64 * 1024 * 1024;

export interface KeptResponses {
  plugin: ApolloServerPlugin<Context>;
  /** The data has changed: no answer computed before (of places: if places changed) is sent again. */
  changed(what: Changed): void;
}

interface Kept {
  /** What it was computed from: places alone (no case, no hours, no answer computed from them), or activity too. */
  of: Changed;
  versions: Versions;
  until: number;
  response: GraphQLResponse;
  /** The length of its JSON. */
  characters: number;
}

/** The longest an answer is kept, whatever ANSWER_CACHE_SECONDS says: days overdue and "today" move on. */
const MOST_SECONDS = 300;

/**
 * The root fields whose answers are kept: places, figures and cases, which change only by what
 * drops kept answers (live events, imports, retirements). Accounts, tokens, the audit log and
 * `viewer` change by signing in and by administration, which drop nothing: never kept.
 */
const KEPT_FIELDS = new Set([
  'building',
  'case',
  'cases',
  'casesByCategory',
  'communities',
  'community',
  'compare',
  'grid',
  'mapFeatures',
  'mapLegend',
  'mapTiles',
  'metricDefinitions',
  'ranking',
  'search',
  'stats',
  'summary',
  'timeSeries',
]);

const keptFields = (operation: OperationDefinitionNode) =>
  operation.operation === 'query' &&
  operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && KEPT_FIELDS.has(s.name.value));

/**
 * Whole answers to queries of places, figures and cases that took at least `fromMs` to answer
 * (from Apollo's start of the request: statements wait longer for their turns on a loaded server,
 * which so keeps more), kept on this instance for `seconds` (5 minutes at most) or until the data
 * changes, for the same caller asking the same question. A city's communities with their grids
 * are 38,500 objects for GraphQL to resolve, whatever the database answers in; asked again, they
 * are sent as they were.
 * - Dropped with the aggregates' kept answers (db/answers.ts): `changed()` here at once, and the
 *   store's `generation` (shared through Redis) in the key, for changes made on other instances.
 * - Callers are told apart by everything the resolvers know of them (role, jurisdiction, name),
 *   and answers read from a replica apart from the primary's, which a writer reads.
 * - Each request is still authenticated, limited and checked before its answer is looked up.
 * - Answers with errors are never kept.
 */
export function keptResponses(
  seconds: number,
  fromMs: number,
  generation: () => Promise<Versions<string> | null>,
  most = MOST_KEPT_CHARACTERS,
): KeptResponses {
  const versions: Versions = { activity: 0, places: 0 };
  let characters = 0;
  const kept = new Map<string, Kept>();
  const forget = (key: string) => {
    characters -= kept.get(key)?.characters ?? 0;
    kept.delete(key);
  };
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const started = { at: performance.now(), versions: { ...versions } };
      let keys: Versions<string> | null = null;
      return {
        async responseForOperation({ operation, operationName, queryHash, request, contextValue }) {
          if (!keptFields(operation)) return null;
          const shared = await generation();
          if (shared === null) return null;
          const { role, scope, via, name, displayName } = contextValue.viewer;
          const question = JSON.stringify([
            answerSource(contextValue.db),
            role,
            scope,
            via,
            name,
            displayName,
            queryHash,
            operationName,
            request.variables ?? {},
          ]);
          // Its answer is kept under the generation of what it turns out to read (willSendResponse).
          keys = { activity: `a${shared.activity}:${question}`, places: `p${shared.places}:${question}` };
          noteReadsFromHere();
          for (const key of [keys.places, keys.activity]) {
            const hit = kept.get(key);
            if (!hit) continue;
            forget(key);
            if (hit.until <= Date.now()) return null;
            // Asked again: the most recently asked, the last to go.
            kept.set(key, hit);
            characters += hit.characters;
            keys = null; // Sent as kept: nothing to keep after it.
            return hit.response;
          }
          return null;
        },
        async willSendResponse({ response }) {
          const tookMs = performance.now() - started.at;
          if (keys === null || tookMs < fromMs) return;
          const of: Changed = hasReadActivity() ? 'activity' : 'places';
          const key = keys[of];
          if (kept.has(key) || !holds(of, started.versions, versions)) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          const size = JSON.stringify(response.body.singleResult).length;
          if (size > most) return;
          while (kept.size > 0 && characters + size > most) forget(kept.keys().next().value!);
          kept.set(key, {
            of,
            versions: { ...started.versions },
            until: Date.now() + Math.min(seconds, MOST_SECONDS) * 1000,
            response: { body: response.body, http: { headers: new HeaderMap() } },
            characters: size,
          });
          characters += size;
        },
      };
    },
  };
  return {
    plugin,
    // Nothing kept from before that the change touched survives, nor what is being computed now (started.versions).
    changed(what) {
      moveOn(versions, what, kept, forget);
    },
  };
}
