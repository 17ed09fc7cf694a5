import type { WallPlacesQuery } from '../../gql/graphql';

export type Place = WallPlacesQuery['communities'][number];

/** What a wall rotates through: communities (all, or one sub-district's) or one community's grids. */
export interface WallItems {
  kind: 'community' | 'grid';
  scopeName: string;
  /** The community whose grids rotate, when the scope is one community. */
  communityCode: string | null;
  items: readonly { code: string; name: string }[];
  /**
   * Whether a map is worth its space: the community has a location, or the communities have
   * and lie in one city. Otherwise (no location, or a few dots cities apart) the league table takes it.
   */
  mapShown: boolean;
}

function oneCityMap(communities: readonly Place[]): boolean {
  const located = communities.filter((c) => c.hasLocation);
  return located.length > 0 && new Set(located.map((c) => c.subDistrict.city)).size === 1;
}

export function wallItems(scope: string, places: readonly Place[], allName: string): WallItems | null {
  if (scope === 'all')
    return { kind: 'community', scopeName: allName, communityCode: null, items: places, mapShown: oneCityMap(places) };
  const community = places.find((p) => p.code === scope);
  if (community)
    return community.grids?.length
      ? {
          kind: 'grid',
          scopeName: community.name,
          communityCode: community.code,
          items: community.grids,
          mapShown: community.hasLocation,
        }
      : null;
  const inSubDistrict = places.filter((p) => p.subDistrict.code === scope);
  return inSubDistrict.length
    ? {
        kind: 'community',
        scopeName: inSubDistrict[0].subDistrict.name,
        communityCode: null,
        items: inSubDistrict,
        mapShown: oneCityMap(inSubDistrict),
      }
    : null;
}
