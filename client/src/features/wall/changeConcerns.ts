import type { LiveChangesSubscription } from '../../gql/graphql';

export type LiveChange = LiveChangesSubscription['liveChanges'];

/** What a refetch sees of one of the wall's queries. */
export interface ShownQuery {
  readonly queryName?: string;
  readonly variables: { communityCode?: string | null; gridCode?: string | null };
}

/**
 * Whether any of the changes can move what a wall's query shows. The figures of the item on
 * screen move only with a change in it; the scope's league table and latest cases with any.
 * A city of a thousand walls hears every case reported: if each refetched its own community's
 * figures for it, one case would cost the server a thousand answers.
 */
export function changeConcerns(changes: readonly LiveChange[], query: ShownQuery): boolean {
  if (query.queryName !== 'WallItem') return true;
  const { communityCode, gridCode } = query.variables;
  if (gridCode) return changes.some((change) => change.gridCode === gridCode);
  if (communityCode) return changes.some((change) => change.communityCode === communityCode);
  return true;
}
