import type { BuildingKind } from '../../shared/enums';
import { allocate } from './allocate';
import { countValue, type CommunityFacts } from './facts';
import { boxAreaKm2 } from './geometry';
import type { SeededRandom } from './random';

/** The figures the structure is built to, stated where the article gives them. */
export interface CommunityPlan {
  population: number;
  households: number;
  areaKm2: number;
  gridCount: number;
  buildingMix: { kind: BuildingKind; count: number }[];
  partyMembers: { resident: number; inService: number; retired: number; mobile: number };
  volunteerTeams: { name: string; members: number }[];
  /** Figures above that the article does not state. */
  generatedFields: string[];
}

const PEOPLE_PER_HOUSEHOLD = 2.9;
const HOUSEHOLDS_PER_GRID = 450;
const RESIDENTS_PER_KM2 = 25_000;
const PARTY_MEMBERS_PER_RESIDENT = 0.028;

function buildingMix(facts: CommunityFacts, households: number, random: SeededRandom): CommunityPlan['buildingMix'] {
  const mix: CommunityPlan['buildingMix'] = [];
  const add = (kind: BuildingKind, count: number | undefined) => count && mix.push({ kind, count });
  if (facts.buildings) {
    add('APARTMENT', facts.buildings.apartmentBuildings);
    add('BUNGALOW', facts.buildings.bungalows);
    add('VILLA', facts.buildings.villas);
  }
  add('APARTMENT', facts.residentialBuildings);
  // A compound (小区/楼院) or managed estate holds a few apartment buildings; how many is not stated.
  if (facts.compounds && !facts.residentialBuildings) add('APARTMENT', facts.compounds.count * random.int(3, 4));
  add('APARTMENT', (facts.places?.managedEstates ?? 0) * random.int(4, 6));
  add('COURTYARD', facts.places?.residentialCourtyards);
  add('OFFICE', facts.places?.officeBuildings);
  add('INSTITUTION', facts.institutions);
  add('SCHOOL', facts.primarySchools);
  if (!mix.some(({ kind }) => RESIDENTIAL_WEIGHT[kind] > 0)) add('APARTMENT', Math.ceil(households / 40));
  return mix;
}

/** Relative households per building of each kind; non-residential buildings have none. */
export const RESIDENTIAL_WEIGHT: Record<BuildingKind, number> = {
  APARTMENT: 30,
  COURTYARD: 12,
  BUNGALOW: 2,
  VILLA: 1.2,
  OFFICE: 0,
  SHOP_STREET: 0,
  SCHOOL: 0,
  INSTITUTION: 0,
};

function partyMembers(facts: CommunityFacts, population: number, generated: string[]): CommunityPlan['partyMembers'] {
  if (facts.partyMembersDetail)
    return {
      resident: facts.partyMembersDetail.residentsCommittee,
      inService: 0,
      retired: 0,
      mobile: facts.partyMembersDetail.migrant,
    };
  if (typeof facts.partyMembers === 'object')
    return { resident: facts.partyMembers.residents, inService: facts.partyMembers.inService, retired: 0, mobile: 0 };
  if (facts.partyMembers === undefined) generated.push('partyMembers');
  const total = facts.partyMembers ?? Math.round(population * PARTY_MEMBERS_PER_RESIDENT);
  // Only the total is stated: the split by category is generated.
  const [resident, retired, inService, mobile] = allocate(total, [60, 25, 10, 5]);
  return { resident, inService, retired, mobile };
}

function volunteerTeams(
  facts: CommunityFacts,
  random: SeededRandom,
  generated: string[],
): CommunityPlan['volunteerTeams'] {
  const names = [...(facts.volunteering?.teams ?? ['平安巡逻志愿队', '环境卫生志愿队'])];
  while (names.length < (facts.volunteering?.teamCount ?? 0)) names.push(`志愿服务队${names.length + 1}`);
  if (facts.volunteers === undefined) {
    generated.push('volunteers');
    return names.map((name) => ({ name, members: random.int(12, 60) }));
  }
  const members = allocate(
    facts.volunteers,
    names.map(() => random.between(0.5, 1.5)),
  );
  return names.map((name, i) => ({ name, members: members[i] }));
}

export function planCommunity(facts: CommunityFacts, random: SeededRandom): CommunityPlan {
  const generatedFields: string[] = [];
  const population = countValue(facts.population);
  if (facts.households === undefined) generatedFields.push('households');
  if (facts.areaKm2 === undefined) generatedFields.push('areaKm2');
  const households = facts.households ?? Math.round(population / PEOPLE_PER_HOUSEHOLD);
  // Never nothing: a few hundred residents still live on a hundredth of a square kilometre.
  const areaKm2 =
    facts.areaKm2 ??
    Math.max(0.01, Math.round((facts.extent ? boxAreaKm2(facts.extent) : population / RESIDENTS_PER_KM2) * 100) / 100);
  const gridCount = facts.grids?.count ?? Math.min(30, Math.max(3, Math.round(households / HOUSEHOLDS_PER_GRID)));
  return {
    population,
    households,
    areaKm2,
    gridCount,
    buildingMix: buildingMix(facts, households, random),
    partyMembers: partyMembers(facts, population, generatedFields),
    volunteerTeams: volunteerTeams(facts, random, generatedFields),
    generatedFields,
  };
}
