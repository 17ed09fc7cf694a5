import { CASE_CATEGORIES, CASE_DEADLINE_HOURS, CASE_SOURCES, type CaseCategory } from '../../shared/enums';
import type { CaseStatus } from '../../shared/case/workflow';
import { HOUR_MS } from '../../shared/time/buckets';
import type { Dataset, IdSequence } from './dataset';
import { personName, phoneNumber } from './names';
import type { SeededRandom } from './random';

/** OTHER is for imported texts that match no category; generated cases always have one. */
type GeneratedCategory = Exclude<CaseCategory, 'OTHER'>;
const GENERATED_CATEGORIES = CASE_CATEGORIES.filter((c): c is GeneratedCategory => c !== 'OTHER');

const DESCRIPTIONS: Record<GeneratedCategory, string[]> = {
  FACILITY: ['楼后下水道堵塞，污水漫到平房门口', '单元门禁损坏', '路灯不亮', '楼道扶手松动'],
  SANITATION: ['背街小巷垃圾堆积', '绿化带内杂物未清理', '垃圾桶满溢'],
  DISPUTE: ['邻里因漏水发生纠纷', '楼上噪音扰民', '车位占用引发争执'],
  SAFETY: ['楼道飞线给电动车充电', '消防通道被杂物堵塞', '楼道内停放电动车'],
  ILLEGAL_STRUCTURE: ['院内私搭乱建', '楼顶违章加盖'],
  PUBLIC_ORDER: ['夜间有人聚集喧哗', '小区出入口无序停车'],
  WELFARE: ['申请低保需入户核查', '独居老人需要帮扶', '困难家庭申请临时救助'],
  MARKET: ['占道经营', '马路市场秩序混乱'],
};

/** Relative frequency of categories; the seed articles' own examples weigh more where given. */
function categoryWeights(exampleCategories: string[]): number[] {
  return GENERATED_CATEGORIES.map(
    (category) =>
      (exampleCategories.includes(category.toLowerCase()) ? 3 : 1) *
      (category === 'FACILITY' || category === 'SANITATION' ? 2 : 1),
  );
}

export interface GridActivityInput {
  communityId: number;
  gridId: number;
  gridCode: string;
  population: number;
  buildings: { id: number; lat: number | null; lng: number | null }[];
  workerName: string;
  exampleCategories: string[];
  /** How many cases to make; by default in proportion to the grid's residents. */
  caseCount?: number;
}

/** Cases per 1,000 residents per month, at the level of the seed communities' reports. */
const CASES_PER_THOUSAND_PER_MONTH = 4;

/** Cases of one grid over the months before `until`, each with its full event log. */
export function addGridCases(
  data: Dataset,
  ids: IdSequence,
  random: SeededRandom,
  grid: GridActivityInput,
  months: number,
  until: Date,
) {
  const weights = categoryWeights(grid.exampleCategories);
  const from = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() - months + 1, 1));
  const span = until.getTime() - from.getTime();
  const count =
    grid.caseCount ??
    random.poisson((grid.population / 1000) * CASES_PER_THOUSAND_PER_MONTH * (span / (30.4 * 24 * HOUR_MS)));
  for (let n = 0; n < count; n++) {
    const reportedAt = new Date(from.getTime() + random.next() * span);
    const category = random.weighted(GENERATED_CATEGORIES, weights);
    addCase(data, ids, random, grid, category, reportedAt, until);
  }
}

function addCase(
  data: Dataset,
  ids: IdSequence,
  random: SeededRandom,
  grid: GridActivityInput,
  category: GeneratedCategory,
  reportedAt: Date,
  until: Date,
) {
  const id = ids.next('cases');
  const source = random.weighted(CASE_SOURCES, [4, 3, 2, 1]);
  const building = grid.buildings.length && random.chance(0.8) ? random.pick(grid.buildings) : null;
  const deadlineHours = CASE_DEADLINE_HOURS[category];
  const times: Partial<Record<CaseStatus, Date>> = { REPORTED: reportedAt };
  const events: { from: CaseStatus | null; to: CaseStatus; at: Date; note: string | null }[] = [
    { from: null, to: 'REPORTED', at: reportedAt, note: null },
  ];
  let status: CaseStatus = 'REPORTED';
  let at = reportedAt.getTime();
  const step = (to: CaseStatus, afterHours: number, note: string | null = null) => {
    const next = at + afterHours * HOUR_MS;
    if (next > until.getTime()) return false;
    events.push({ from: status, to, at: new Date(next), note });
    times[to] = new Date(next);
    status = to;
    at = next;
    return true;
  };
  const work = random.logNormal(deadlineHours * 0.55, 0.7);
  if (random.chance(0.06)) step('REJECTED', random.between(0.5, 8), '不属于社区受理范围');
  else if (
    step('ACCEPTED', random.between(0.3, 6)) &&
    step('DISPATCHED', random.between(0.2, 3)) &&
    step('HANDLED', work * 0.8)
  ) {
    const passedVerification =
      !random.chance(0.08) ||
      (step('DISPATCHED', random.between(1, 12), '核查未通过，重新派遣') && step('HANDLED', work * 0.3));
    if (passedVerification && step('VERIFIED', random.between(0.5, 12))) step('CLOSED', random.between(0.2, 4));
  }
  // Decided by the case's number, not by a draw, so that the random stream (and every other figure) stays as it was.
  // One case in ten still dispatched was postponed with approval a day later (缓办).
  if (events.at(-1)!.to === 'DISPATCHED' && id % 10 === 1) step('POSTPONED', 24, '需统筹解决，经批准缓办');
  // One dispatched case in twenty had its deadline extended by three days when it was dispatched (延期).
  const extendedAt = times.DISPATCHED && id % 20 === 3 ? times.DISPATCHED : null;
  const deadline = new Date(reportedAt.getTime() + (deadlineHours + (extendedAt ? 72 : 0)) * HOUR_MS);
  const closedAt = times.CLOSED ?? null;
  data.cases.push({
    id,
    code: `${grid.gridCode}-C${String(id).padStart(7, '0')}`,
    category,
    source,
    communityId: grid.communityId,
    gridId: grid.gridId,
    buildingId: building?.id ?? null,
    lat: building?.lat ?? null,
    lng: building?.lng ?? null,
    description: random.pick(DESCRIPTIONS[category]),
    status,
    reporterName: source === 'PATROL' ? null : personName(random),
    reporterPhone: source === 'PATROL' ? null : phoneNumber(random),
    reportedAt,
    acceptedAt: times.ACCEPTED ?? null,
    rejectedAt: times.REJECTED ?? null,
    dispatchedAt: times.DISPATCHED ?? null,
    handledAt: times.HANDLED ?? null,
    verifiedAt: times.VERIFIED ?? null,
    closedAt,
    postponedAt: times.POSTPONED ?? null,
    deadline,
    extendedAt,
    reworks: events.filter((e) => e.from === 'HANDLED' && e.to === 'DISPATCHED').length,
    satisfaction: closedAt && random.chance(0.7) ? random.weighted([5, 4, 3, 2, 1], [40, 35, 15, 7, 3]) : null,
  });
  for (const event of events) {
    data.caseEvents.push({
      id: ids.next('caseEvents'),
      caseId: id,
      from: event.from,
      to: event.to,
      at: event.at,
      actor: event.to === 'REPORTED' ? source : grid.workerName,
      note: event.note,
    });
  }
}

export interface TeamActivityInput {
  teamId: number;
  name: string;
  members: number;
  gridIds: number[];
  weekday: number;
}

/** One service day a week per team (康乐's is Wednesday), in one of the community's grids. */
export function addTeamLogs(
  data: Dataset,
  ids: IdSequence,
  random: SeededRandom,
  team: TeamActivityInput,
  months: number,
  until: Date,
) {
  const first = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() - months + 1, 1));
  const offset = (team.weekday - first.getUTCDay() + 7) % 7;
  for (
    let day = new Date(first.getTime() + offset * 24 * HOUR_MS);
    day <= until;
    day = new Date(day.getTime() + 7 * 24 * HOUR_MS)
  ) {
    if (random.chance(0.15)) continue;
    const participants = Math.min(team.members, random.int(3, 25));
    data.volunteerLogs.push({
      id: ids.next('volunteerLogs'),
      teamId: team.teamId,
      gridId: random.pick(team.gridIds),
      date: new Date(day.getTime() + 9 * HOUR_MS),
      participants,
      hours: Math.round(participants * random.between(1.5, 3) * 2) / 2,
      description: `${team.name}服务日`,
    });
  }
}
