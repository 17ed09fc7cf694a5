import type { CommunityFacts } from './facts';
import { boxCentre, type Box } from './geometry';
import { emptyDataset, type Dataset, type IdSequence } from './dataset';
import { SeededRandom } from './random';
import { addCommunityActivity } from './seed-dataset';

/** What `npm run generate` makes: a city district of made-up communities. */
export interface GenerationPlan {
  /** Tells this run's codes apart from an earlier run's. */
  tag: string;
  communities: number;
  gridsPerCommunity: number;
  buildingsPerGrid: number;
  casesPerGrid: number;
  months: number;
  /** The day the generated history ends (its start, as an ISO string). */
  until: string;
}

/** Sub-districts of 12 communities (4 × 3 on the city's lattice), as a city's 街道 have 10 to 20. */
export const COMMUNITIES_PER_SUB_DISTRICT = 12;
const BLOCK_COLUMNS = 4;
const BLOCK_ROWS = 3;
/** Lattice steps in degrees: about 650 m each way in the south-west, clear of the seeded communities. */
const ORIGIN = { lat: 22, lng: 100 };
const STEP = { lat: 0.006, lng: 0.0065 };

/** The lattice cell of community `n` of `count`: sub-districts are contiguous blocks, the city roughly square, neighbours share edges. */
function latticeCell(n: number, count: number): Box {
  const blocks = Math.ceil(count / COMMUNITIES_PER_SUB_DISTRICT);
  const blocksPerRow = Math.ceil(Math.sqrt((blocks * BLOCK_ROWS) / BLOCK_COLUMNS));
  const block = Math.floor(n / COMMUNITIES_PER_SUB_DISTRICT),
    k = n % COMMUNITIES_PER_SUB_DISTRICT;
  const row = Math.floor(block / blocksPerRow) * BLOCK_ROWS + Math.floor(k / BLOCK_COLUMNS);
  const column = (block % blocksPerRow) * BLOCK_COLUMNS + (k % BLOCK_COLUMNS);
  // Each edge computed once from its own index, so that neighbours' edges are the same numbers.
  const lat = (r: number) => ORIGIN.lat + r * STEP.lat;
  const lng = (c: number) => ORIGIN.lng + c * STEP.lng;
  return { minLat: lat(row), maxLat: lat(row + 1), minLng: lng(column), maxLng: lng(column + 1) };
}

/**
 * Sub-districts `first` to `last - 1` of the plan, one community at a time (the first with
 * its sub-district), each with its grids, buildings and history. Each community draws from
 * its own seed, so a resumed run makes what an uninterrupted one would have; ids continue
 * from `ids`.
 */
export function* generateCommunities(
  plan: GenerationPlan,
  first: number,
  last: number,
  ids: IdSequence,
): Generator<Dataset> {
  for (let s = first; s < last; s++) {
    const subDistrictId = ids.next('subDistricts');
    const subDistrictCode = `999${plan.tag}-${String(s + 1).padStart(4, '0')}`;
    const communities = Math.min(plan.communities - s * COMMUNITIES_PER_SUB_DISTRICT, COMMUNITIES_PER_SUB_DISTRICT);
    for (let k = 0; k < communities; k++) {
      const data = emptyDataset();
      if (k === 0) data.subDistricts.push({ id: subDistrictId, code: subDistrictCode, name: `生成街道${s + 1}` });
      const n = s * COMMUNITIES_PER_SUB_DISTRICT + k;
      const cell = latticeCell(n, plan.communities);
      const random = new SeededRandom(Number(plan.tag) * 1_000_003 + n + 1);
      const facts: CommunityFacts = {
        code: `gen-${plan.tag}-${String(n + 1).padStart(5, '0')}`,
        name: `生成社区${n + 1}`,
        nameEn: `Generated community ${n + 1}`,
        source: 'generated (npm run generate)',
        subDistrict: `生成街道${s + 1}`,
        approxCentroid: boxCentre(cell),
        extent: cell,
        population: plan.gridsPerCommunity * plan.buildingsPerGrid * random.int(20, 40),
        grids: { count: plan.gridsPerCommunity },
        residentialBuildings: plan.gridsPerCommunity * plan.buildingsPerGrid,
      };
      addCommunityActivity(
        data,
        ids,
        random,
        facts,
        subDistrictId,
        `${subDistrictCode}-${String(k + 1).padStart(3, '0')}`,
        new Date(plan.until),
        plan.months,
        plan.casesPerGrid,
      );
      yield data;
    }
  }
}
