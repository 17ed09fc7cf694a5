import type { Role } from '../../../shared/enums';
import { forbidden, unauthenticated } from '../graphql/errors';

/** Who is asking: a token's role and scope, or the public dashboard without a token. */
export interface Viewer {
  role: Role | 'PUBLIC';
  /** Sub-district code for a leader, grid code for a grid worker; null means all. */
  scope: string | null;
  tokenName: string | null;
}

export const PUBLIC_VIEWER: Viewer = { role: 'PUBLIC', scope: null, tokenName: null };

/** Where a grid sits, to test a scoped role against it. */
export interface GridPlace {
  gridCode: string;
  subDistrictCode: string;
}

function covers(viewer: Viewer, place: GridPlace): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'LEADER') return viewer.scope === null || viewer.scope === place.subDistrictCode;
  if (viewer.role === 'GRID_WORKER') return viewer.scope === place.gridCode;
  return false;
}

/** Names and phones of grid workers and case reporters: admin, the leader over the grid, the grid's worker. */
export function canSeePersonalData(viewer: Viewer, place: GridPlace): boolean {
  return covers(viewer, place);
}

/** Reporting and moving cases, logging hours: the same people, with a token. */
export function assertCanWrite(viewer: Viewer, place: GridPlace): void {
  if (viewer.role === 'PUBLIC')
    throw unauthenticated('Changing data needs an API token (Authorization: Bearer <token>)');
  if (!covers(viewer, place))
    throw forbidden(
      `A ${viewer.role.toLowerCase()} token${viewer.scope ? ` for ${viewer.scope}` : ''} may not change data of grid ${place.gridCode}`,
    );
}
