import { groupBy } from '../../server/src/group-by';
import { addGridCases, addTeamLogs } from './activity';
import { emptyDataset, IdSequence, type Dataset } from './dataset';
import { COMMUNITY_FACTS, type CommunityFacts } from './facts';
import { SeededRandom } from './random';
import { addCommunityStructure } from './structure';

export const SEED = 20_180_809;
export const MONTHS_OF_HISTORY = 24;

/** Administrative division codes (行政区划代码) of the places the articles name. */
const REGION_CODES: Record<string, string> = {
  开封市: '410200',
  巩义市: '410181',
  北林区: '231202',
  武侯区: '510107',
};

const WEEKDAYS: Record<string, number> = { 'every Wednesday': 3 };

function regionCode(facts: CommunityFacts): string {
  return REGION_CODES[facts.district ?? ''] ?? REGION_CODES[facts.city ?? ''] ?? '000000';
}

/**
 * The product's seed: the five communities of the articles with their stated figures,
 * and generated grids, buildings and 24 months of activity up to `until`.
 */
export function seedDataset(until: Date, facts: CommunityFacts[] = COMMUNITY_FACTS): Dataset {
  const data = emptyDataset();
  const ids = new IdSequence();
  const random = new SeededRandom(SEED);
  const perRegion = new Map<string, number>();
  for (const community of facts) {
    const region = regionCode(community);
    const sequence = (perRegion.get(region) ?? 0) + 1;
    perRegion.set(region, sequence);
    const subDistrictId = ids.next('subDistricts');
    const subDistrictCode = `${region}-${String(sequence).padStart(3, '0')}`;
    data.subDistricts.push({
      id: subDistrictId,
      code: subDistrictCode,
      name: community.subDistrict,
      province: community.province ?? null,
      city: community.city ?? null,
      district: community.district ?? null,
    });
    addCommunityActivity(data, ids, random, community, subDistrictId, `${subDistrictCode}-001`, until);
  }
  return data;
}

export function addCommunityActivity(
  data: Dataset,
  ids: IdSequence,
  random: SeededRandom,
  facts: CommunityFacts,
  subDistrictId: number,
  codePrefix: string,
  until: Date,
  months = MONTHS_OF_HISTORY,
  casesPerGrid?: number,
) {
  const firstGrid = data.grids.length;
  const firstBuilding = data.buildings.length;
  const { ids: created } = addCommunityStructure(data, ids, random, facts, subDistrictId, codePrefix, until);
  const grids = data.grids.slice(firstGrid);
  const buildingsOfGrid = groupBy(data.buildings.slice(firstBuilding), (b) => b.gridId);
  const exampleCategories = (facts.exampleCases ?? []).map((example) => example.category);
  grids.forEach((grid) => {
    const gridBuildings = buildingsOfGrid.get(grid.id!) ?? [];
    addGridCases(
      data,
      ids,
      random,
      {
        communityId: created.communityId,
        gridId: grid.id!,
        gridCode: grid.code,
        population: grid.population ?? 0,
        caseCount: casesPerGrid,
        workerName: grid.workerName ?? '网格员',
        exampleCategories,
        buildings: gridBuildings.map((b) => ({ id: b.id!, lat: b.lat ?? null, lng: b.lng ?? null })),
      },
      months,
      until,
    );
  });
  const weekday = WEEKDAYS[facts.volunteering?.serviceDay ?? ''] ?? 6;
  data.volunteerTeams
    .filter((team) => team.communityId === created.communityId)
    .forEach((team) => {
      addTeamLogs(
        data,
        ids,
        random,
        { teamId: team.id!, name: team.name, members: team.members, gridIds: created.gridIds, weekday },
        months,
        until,
      );
    });
}
