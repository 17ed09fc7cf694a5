import type { WallPlacesQuery } from '../../gql/graphql';

export type Place = WallPlacesQuery['communities'][number];

/** What a wall rotates through: communities (all, or one sub-district's) or one community's grids. */
export interface WallItems {
  kind: 'community' | 'grid';
  scopeName: string;
  /** The community whose grids rotate, when the scope is one community. */
  communityCode: string | null;
  items: readonly { code: string; name: string }[];
}

export function wallItems(scope: string, places: readonly Place[], allName: string): WallItems | null {
  if (scope === 'all') return { kind: 'community', scopeName: allName, communityCode: null, items: places };
  const community = places.find((p) => p.code === scope);
  if (community)
    return community.grids.length
      ? { kind: 'grid', scopeName: community.name, communityCode: community.code, items: community.grids }
      : null;
  const inSubDistrict = places.filter((p) => p.subDistrict.code === scope);
  return inSubDistrict.length
    ? { kind: 'community', scopeName: inSubDistrict[0].subDistrict.name, communityCode: null, items: inSubDistrict }
    : null;
}
