export interface Place { code: string; name: string; subDistrict: { code: string; name: string }; grids: { code: string; name: string }[] }

/** What a wall rotates through: communities (all, or one sub-district's) or one community's grids. */
export interface WallItems {
  kind: 'community' | 'grid';
  scopeName: string;
  /** The community whose grids rotate, when the scope is one community. */
  communityCode: string | null;
  items: { code: string; name: string }[];
}

export function wallItems(scope: string, places: Place[], allName: string): WallItems | null {
  if (scope === 'all') return { kind: 'community', scopeName: allName, communityCode: null, items: places };
  const community = places.find((p) => p.code === scope);
  if (community) return community.grids.length ? { kind: 'grid', scopeName: community.name, communityCode: community.code, items: community.grids } : null;
  const inSubDistrict = places.filter((p) => p.subDistrict.code === scope);
  return inSubDistrict.length ? { kind: 'community', scopeName: inSubDistrict[0].subDistrict.name, communityCode: null, items: inSubDistrict } : null;
}
