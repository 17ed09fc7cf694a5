import type { Role } from '../../../shared/enums';
import { forbidden, unauthenticated } from '../graphql/errors';

/** Who is asking: a signed-in account, a token, or the public dashboard without either. */
export interface Viewer {
  role: Role | 'PUBLIC';
  /** The jurisdiction: a sub-district, community or grid code; null means all. */
  scope: string | null;
  /** How the caller proved who they are. */
  via: 'session' | 'token' | 'none';
  /** The account's username or the token's name: what case histories and the audit log record. */
  name: string | null;
  /** The account's display name (the token's name for a token). */
  displayName: string | null;
}

export const PUBLIC_VIEWER: Viewer = { role: 'PUBLIC', scope: null, via: 'none', name: null, displayName: null };

/** Where a grid sits, to test a jurisdiction against it. */
export interface GridPlace {
  gridCode: string;
  communityCode: string;
  subDistrictCode: string;
}

/**
 * Whether the viewer answers for the grid: an admin everywhere, a leader over its
 * sub-district or community (or all), a grid worker in its own grid. Analysts and
 * displays answer for nothing: they read figures, never people.
 */
function covers(viewer: Viewer, place: GridPlace): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'LEADER')
    return viewer.scope === null || viewer.scope === place.subDistrictCode || viewer.scope === place.communityCode;
  if (viewer.role === 'GRID_WORKER') return viewer.scope === place.gridCode;
  return false;
}

/** Names and phones of grid workers and case reporters: admin, the leader over the grid, the grid's worker. */
export function canSeePersonalData(viewer: Viewer, place: GridPlace): boolean {
  return covers(viewer, place);
}

/**
 * What a case says (its description, exact place, building, who handled it and their
 * notes): residents' problems, often naming people and flats. Signed-in roles read it
 * within their jurisdiction (an analyst within its area, or everywhere without one);
 * visitors and walls read aggregates and the case's category, state and dates only.
 */
export function canReadCaseDetail(viewer: Viewer, place: GridPlace): boolean {
  if (viewer.role === 'ANALYST')
    return viewer.scope === null || viewer.scope === place.subDistrictCode || viewer.scope === place.communityCode;
  return covers(viewer, place);
}

/**
 * Exact places: where each building stands. Anyone signed in or with a token reads them,
 * except walls, which show aggregates only; visitors see grids and communities.
 */
export function canSeeExactPlaces(viewer: Viewer): boolean {
  return viewer.via !== 'none' && viewer.role !== 'DISPLAY';
}

/** Reporting and moving cases, logging hours: the same people, signed in or with a token. */
export function assertCanWrite(viewer: Viewer, place: GridPlace): void {
  if (viewer.role === 'PUBLIC')
    throw unauthenticated('Changing data needs signing in or an API token (Authorization: Bearer <token>)');
  if (!covers(viewer, place))
    throw forbidden(
      `A ${viewer.role.toLowerCase()}${viewer.scope ? ` for ${viewer.scope}` : ''} may not change data of grid ${place.gridCode}`,
    );
}

export function assertAdmin(viewer: Viewer): void {
  if (viewer.role === 'PUBLIC') throw unauthenticated('Administration needs signing in as an admin');
  if (viewer.role !== 'ADMIN') throw forbidden('Only an admin may manage accounts and tokens');
}
