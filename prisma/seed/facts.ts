import factsFile from './communities.json' with { type: 'json' };
import type { Box } from './geometry';

/** A figure stated as "N余"/"N多" (more than N) is kept as N with atLeast. */
export type StatedCount = number | { value: number; atLeast: boolean };

/** The fields of `communities.json` that the seed reads; see that file for the rest. */
export interface CommunityFacts {
  code: string;
  name: string;
  nameEn: string;
  source: string;
  province?: string;
  city?: string | null;
  district?: string;
  subDistrict: string;
  approxCentroid: { lat: number; lng: number } | null;
  /** Its exact extent where it is known (a generated city's lattice cell); otherwise a box of its area around approxCentroid. */
  extent?: Box;
  founded?: string;
  areaKm2?: number;
  households?: number;
  population: StatedCount;
  floatingPopulation?: number;
  volunteers?: number;
  partyMembers?: number | { residents: number; inService: number };
  partyMembersDetail?: { residentsCommittee: number; migrant: number };
  partyOrganizations?: { committee?: number; generalBranches?: number; branches?: number };
  grids?: { count: number };
  buildings?: { apartmentBuildings: number; bungalows: number; villas: number };
  residentialBuildings?: number;
  compounds?: { count: number };
  institutions?: number;
  primarySchools?: number;
  places?: { residentialCourtyards?: number; managedEstates?: number; officeBuildings?: number };
  boundary?: Record<string, string>;
  volunteering?: { teams?: string[]; teamCount?: number; serviceDay?: string };
  exampleCases?: { category: string }[];
}

export const COMMUNITY_FACTS: CommunityFacts[] = (factsFile as { communities: CommunityFacts[] }).communities;

export function countValue(count: StatedCount): number {
  return typeof count === 'number' ? count : count.value;
}

export function isAtLeast(count: StatedCount): boolean {
  return typeof count !== 'number' && count.atLeast;
}

const SIDES: Record<string, string> = {
  east: '东至',
  west: '西至',
  south: '南至',
  north: '北至',
  eastOf: '东起',
  westOf: '西到',
  southOf: '南起',
  northOf: '北到',
};

/** The article's four-sided boundary as one line of text, e.g. "东至陇海桥西头，西至桐本路…". */
export function boundaryText(boundary: Record<string, string> | undefined): string | null {
  if (!boundary) return null;
  return Object.entries(boundary)
    .map(([side, street]) => `${SIDES[side] ?? side}${street}`)
    .join('，');
}
