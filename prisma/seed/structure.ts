import type { Polygon } from 'geojson';
import { allocate } from './allocate';
import { RESIDENTIAL_WEIGHT, planCommunity, type CommunityPlan } from './community-plan';
import type { Dataset, IdSequence } from './dataset';
import { boundaryText, isAtLeast, type CommunityFacts } from './facts';
import { boxAreaKm2, boxAround, boxCentre, boxPolygon, pointsInside, tileBox, type Box } from './geometry';
import { personName, phoneNumber } from './names';
import type { SeededRandom } from './random';

const KIND_NAMES: Record<string, string> = {
  APARTMENT: '号楼',
  COURTYARD: '号院',
  BUNGALOW: '号平房',
  VILLA: '号别墅',
  OFFICE: '号写字楼',
  SHOP_STREET: '号商铺楼',
  SCHOOL: '号学校',
  INSTITUTION: '号单位',
};

export interface CommunityIds {
  communityId: number;
  gridIds: number[];
  buildingIds: number[][];
  teamIds: number[];
}

function geometryColumns(box: Box | null) {
  if (!box)
    return {
      boundary: null,
      centroidLat: null,
      centroidLng: null,
      minLat: null,
      minLng: null,
      maxLat: null,
      maxLng: null,
    };
  const centre = boxCentre(box);
  return {
    boundary: JSON.stringify(boxPolygon(box) satisfies Polygon),
    centroidLat: centre.lat,
    centroidLng: centre.lng,
    ...box,
  };
}

/**
 * Add one community and everything structural under it (grids, buildings, party
 * organisations, volunteer teams, snapshots) to the dataset, consistent with the
 * stated figures: buildings' households and residents add up to the community's.
 */
export function addCommunityStructure(
  data: Dataset,
  ids: IdSequence,
  random: SeededRandom,
  facts: CommunityFacts,
  subDistrictId: number,
  communityCodePrefix: string,
  asOf: Date,
): { plan: CommunityPlan; ids: CommunityIds } {
  const plan = planCommunity(facts, random);
  const communityId = ids.next('communities');
  const box = facts.extent ?? (facts.approxCentroid ? boxAround(facts.approxCentroid, plan.areaKm2) : null);
  data.communities.push({
    id: communityId,
    code: facts.code,
    name: facts.name,
    nameEn: facts.nameEn,
    subDistrictId,
    areaKm2: plan.areaKm2,
    population: plan.population,
    populationAtLeast: isAtLeast(facts.population),
    households: plan.households,
    floatingPopulation: facts.floatingPopulation ?? null,
    volunteers: facts.volunteers ?? null,
    boundaryText: boundaryText(facts.boundary),
    ...geometryColumns(box),
    founded: facts.founded ? new Date(facts.founded) : null,
    source: facts.source,
    generatedFields: JSON.stringify(plan.generatedFields),
  });

  const gridBoxes = box ? tileBox(box, plan.gridCount, random) : Array<Box | null>(plan.gridCount).fill(null);
  const kinds = plan.buildingMix.flatMap(({ kind, count }) => Array<string>(count).fill(kind));
  const buildingWeights = kinds.map(
    (kind) => RESIDENTIAL_WEIGHT[kind as keyof typeof RESIDENTIAL_WEIGHT] * random.between(0.7, 1.3),
  );
  const buildingHouseholds = allocate(plan.households, buildingWeights);
  const buildingPopulation = allocate(plan.population, buildingHouseholds);
  const buildingsPerGrid = allocate(
    kinds.length,
    gridBoxes.map(() => random.between(0.8, 1.2)),
  );

  const gridIds: number[] = [];
  const buildingIds: number[][] = [];
  let next = 0;
  gridBoxes.forEach((gridBox, g) => {
    const gridId = ids.next('grids');
    const gridCode = `${communityCodePrefix}-${String(g + 1).padStart(2, '0')}`;
    const count = buildingsPerGrid[g];
    const points = gridBox ? pointsInside(gridBox, count, random) : [];
    const slice = Array.from({ length: count }, (_, k) => next + k);
    next += count;
    data.grids.push({
      id: gridId,
      code: gridCode,
      name: `第${g + 1}网格`,
      communityId,
      ...geometryColumns(gridBox),
      areaKm2: gridBox ? boxAreaKm2(gridBox) : plan.areaKm2 / plan.gridCount,
      workerName: personName(random),
      workerPhone: phoneNumber(random),
      households: slice.reduce((sum, b) => sum + buildingHouseholds[b], 0),
      population: slice.reduce((sum, b) => sum + buildingPopulation[b], 0),
    });
    buildingIds.push(
      slice.map((b, k) => {
        const id = ids.next('buildings');
        const kind = kinds[b];
        const floors =
          kind === 'APARTMENT' ? random.int(5, 18) : kind === 'OFFICE' ? random.int(8, 30) : random.int(1, 3);
        data.buildings.push({
          id,
          code: `${gridCode}-${String(k + 1).padStart(3, '0')}`,
          name: `${b + 1}${KIND_NAMES[kind]}`,
          gridId,
          kind,
          units: kind === 'APARTMENT' ? random.int(2, 6) : 1,
          floors,
          households: buildingHouseholds[b],
          population: buildingPopulation[b],
          lat: points[k]?.lat ?? null,
          lng: points[k]?.lng ?? null,
        });
        return id;
      }),
    );
    gridIds.push(gridId);
  });

  addPartyOrganizations(
    data,
    ids,
    facts,
    plan,
    communityId,
    gridIds,
    data.grids.slice(-gridIds.length).map((grid) => grid.population ?? 0),
  );
  const teamIds = plan.volunteerTeams.map(({ name, members }) => {
    const id = ids.next('volunteerTeams');
    data.volunteerTeams.push({
      id,
      name,
      focus: name.replace(/(志愿)?(服务)?[队组]$/, ''),
      communityId,
      members,
      generated: !facts.volunteering?.teams?.includes(name),
    });
    return id;
  });
  addSnapshots(data, ids, plan, facts, communityId, asOf);
  return { plan, ids: { communityId, gridIds, buildingIds, teamIds } };
}

function addPartyOrganizations(
  data: Dataset,
  ids: IdSequence,
  facts: CommunityFacts,
  plan: CommunityPlan,
  communityId: number,
  gridIds: number[],
  gridPopulation: number[],
) {
  const stated = facts.partyOrganizations ?? {};
  const topId = ids.next('partyOrganizations');
  const topKind = stated.committee ? 'COMMITTEE' : stated.generalBranches ? 'GENERAL_BRANCH' : 'BRANCH';
  const topName = { COMMITTEE: '社区党委', GENERAL_BRANCH: '社区党总支', BRANCH: '社区党支部' }[topKind];
  data.partyOrganizations.push({
    id: topId,
    code: `${facts.code}-p0`,
    name: `${facts.name}${topName}`,
    kind: topKind,
    communityId,
    generated: false,
  });
  const branchIds = Array.from({ length: topKind === 'BRANCH' ? 0 : (stated.branches ?? gridIds.length) }, (_, b) => {
    const id = ids.next('partyOrganizations');
    data.partyOrganizations.push({
      id,
      code: `${facts.code}-b${b + 1}`,
      name: `第${b + 1}党支部`,
      kind: 'BRANCH',
      parentId: topId,
      communityId,
      generated: !stated.branches,
    });
    return id;
  });
  // Members are counted once, at the grid's party group ("支部建在网格上"); mobile members
  // belong to a joint branch of their own.
  const resident = allocate(plan.partyMembers.resident, gridPopulation);
  const inService = allocate(plan.partyMembers.inService, gridPopulation);
  const retired = allocate(plan.partyMembers.retired, gridPopulation);
  gridIds.forEach((gridId, g) => {
    data.partyOrganizations.push({
      id: ids.next('partyOrganizations'),
      code: `${facts.code}-g${g + 1}`,
      name: `第${g + 1}网格党小组`,
      kind: 'GROUP',
      parentId: branchIds.length ? branchIds[g % branchIds.length] : topId,
      communityId,
      gridId,
      residentMembers: resident[g],
      inServiceMembers: inService[g],
      retiredMembers: retired[g],
    });
  });
  if (plan.partyMembers.mobile > 0) {
    data.partyOrganizations.push({
      id: ids.next('partyOrganizations'),
      code: `${facts.code}-m`,
      name: '流动党员联合党支部',
      kind: 'BRANCH',
      parentId: topId,
      communityId,
      mobileMembers: plan.partyMembers.mobile,
    });
  }
}

/** Quarterly snapshots over two years; the latest equals the stated figures exactly. */
function addSnapshots(
  data: Dataset,
  ids: IdSequence,
  plan: CommunityPlan,
  facts: CommunityFacts,
  communityId: number,
  asOf: Date,
) {
  const partyMembers = Object.values(plan.partyMembers).reduce((a, b) => a + b, 0);
  const volunteers = plan.volunteerTeams.reduce((sum, team) => sum + team.members, 0);
  for (let quartersAgo = 8; quartersAgo >= 0; quartersAgo--) {
    const shrink = 1 - 0.006 * quartersAgo;
    data.metricSnapshots.push({
      id: ids.next('metricSnapshots'),
      communityId,
      date: new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 3 * quartersAgo, 1)),
      population: Math.round(plan.population * shrink),
      households: Math.round(plan.households * shrink),
      floatingPopulation: facts.floatingPopulation === undefined ? null : Math.round(facts.floatingPopulation * shrink),
      partyMembers: Math.round(partyMembers * shrink),
      volunteers: Math.round(volunteers * shrink),
    });
  }
}
