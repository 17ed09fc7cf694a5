import type { CaseStatus } from '../../../shared/case/workflow';
import type { CaseCategory } from '../../../shared/enums';
import type { Language } from '../../../shared/format/number';
import type { Metric, MetricUnit } from '../../../shared/metrics/definitions';
import type { PeriodPreset } from '../../../shared/time/period-presets';

type Basemap = 'none' | 'tianditu' | 'amap' | 'osm';

/** Every string the dashboard shows, in one place: Chinese first, English second. */
export interface Strings {
  title: string;
  allCommunities: string;
  metric: string;
  languageSwitch: string;
  period: string;
  basemap: string;
  noLocation: string;
  noLocationHere: string;
  loading: string;
  error: string;
  retry: string;
  empty: string;
  crashed: string;
  ranking: string;
  tooFew: string;
  search: string;
  searchNone: string;
  compare: string;
  compareHint: string;
  backToMap: string;
  perThousand: string;
  best: string;
  worst: string;
  openCases: string;
  overdue: string;
  deadline: string;
  noOpenCases: string;
  charts: {
    population: string;
    partyPerThousand: string;
    volunteerHours: string;
    caseFlow: string;
    reported: string;
    closed: string;
    rates: string;
    categories: string;
    open: string;
  };
  kinds: { COMMUNITY: string; GRID: string; BUILDING: string };
  wall: {
    title: string;
    updated: string;
    staleSince: string;
    tokenMissing: string;
    tokenInvalid: string;
    tokenHelp: string;
    scopeUnknown: string;
    monthly: string;
    ranking: string;
    allScope: string;
  };
  periods: Record<PeriodPreset, string>;
  basemaps: Record<Basemap, string>;
  metrics: Record<Metric, string>;
  units: Record<MetricUnit, string>;
  categories: Record<CaseCategory, string>;
  statuses: Record<CaseStatus, string>;
}

const zh: Strings = {
  title: '网格通 · 社区网格治理看板',
  allCommunities: '全部社区',
  metric: '指标',
  languageSwitch: 'English',
  period: '时段',
  basemap: '底图',
  noLocation: '以下社区暂无地理位置，未在地图上绘制：',
  noLocationHere: '该社区暂无地理位置，地图上不绘制其边界。',
  loading: '正在加载…',
  error: '无法连接服务器，显示的可能不是最新数据。',
  retry: '重试',
  empty: '暂无数据',
  crashed: '此区域出错了，其余部分仍可使用。',
  ranking: '排名',
  tooFew: '案件太少',
  search: '搜索社区、网格或楼栋',
  searchNone: '没有找到',
  compare: '社区对比',
  compareHint: '选择 2–5 个社区进行对比',
  backToMap: '返回地图',
  perThousand: '每千人',
  best: '最好',
  worst: '最差',
  openCases: '未结事件',
  overdue: '已超期',
  deadline: '期限',
  noOpenCases: '没有未结事件',
  charts: {
    population: '人口与户数',
    partyPerThousand: '每千名居民党员数',
    volunteerHours: '每月志愿服务时长',
    caseFlow: '每月上报与结案',
    reported: '上报',
    closed: '结案',
    rates: '结案率与按期结案率',
    categories: '事件类别',
    open: '未结',
  },
  kinds: { COMMUNITY: '社区', GRID: '网格', BUILDING: '楼栋' },
  wall: {
    title: '网格通 · 服务大厅',
    updated: '数据更新于',
    staleSince: '数据未更新，自',
    tokenMissing: '此大屏缺少显示令牌',
    tokenInvalid: '显示令牌无效或已被撤销',
    tokenHelp: '请联系管理员：npm run token -- create --role display --name "大厅一号屏"，并在地址中加入 ?token=…',
    scopeUnknown: '找不到此范围',
    monthly: '近12个月上报与结案',
    ranking: '排名',
    allScope: '全部社区',
  },
  periods: { quarter: '本季度', year: '近一年', twoYears: '近两年' },
  basemaps: { none: '无底图（离线）', tianditu: '天地图', amap: '高德地图', osm: 'OpenStreetMap' },
  metrics: {
    POPULATION: '常住人口',
    HOUSEHOLDS: '户数',
    FLOATING_POPULATION: '流动人口',
    DENSITY: '人口密度',
    PARTY_MEMBERS: '党员数',
    VOLUNTEERS: '志愿者',
    VOLUNTEER_HOURS: '志愿服务时长',
    CASES_REPORTED: '上报事件',
    CASES_CLOSED: '结案数',
    CLOSURE_RATE: '结案率',
    ON_TIME_RATE: '按期结案率',
    MEDIAN_HOURS_TO_CLOSE: '结案用时中位数',
    BACKLOG: '待办事件',
    SATISFACTION: '满意度',
  },
  units: { people: '人', households: '户', perKm2: '人/平方公里', hours: '小时', cases: '件', ratio: '', score: '分' },
  categories: {
    FACILITY: '设施维修',
    SANITATION: '环境卫生',
    DISPUTE: '矛盾纠纷',
    SAFETY: '安全隐患',
    ILLEGAL_STRUCTURE: '违章建筑',
    PUBLIC_ORDER: '治安秩序',
    WELFARE: '民生救助',
    MARKET: '市场秩序',
  },
  statuses: {
    REPORTED: '上报',
    ACCEPTED: '立案',
    REJECTED: '不予立案',
    DISPATCHED: '派遣',
    HANDLED: '处置',
    VERIFIED: '核查',
    CLOSED: '结案',
  },
};

const en: Strings = {
  title: 'GridScope · Community grid governance',
  allCommunities: 'All communities',
  metric: 'Metric',
  languageSwitch: '中文',
  period: 'Period',
  basemap: 'Basemap',
  noLocation: 'These communities have no known location and are not drawn on the map:',
  noLocationHere: 'This community has no known location; its boundary is not drawn.',
  loading: 'Loading…',
  error: 'Cannot reach the server; what you see may be out of date.',
  retry: 'Retry',
  empty: 'No data',
  crashed: 'This part failed; the rest still works.',
  ranking: 'Ranking',
  tooFew: 'too few cases',
  search: 'Find a community, grid or building',
  searchNone: 'Nothing found',
  compare: 'Compare',
  compareHint: 'Pick 2 to 5 communities to compare',
  backToMap: 'Back to the map',
  perThousand: 'per 1,000',
  best: 'best',
  worst: 'worst',
  openCases: 'Open cases',
  overdue: 'overdue',
  deadline: 'deadline',
  noOpenCases: 'No open cases',
  charts: {
    population: 'Population and households',
    partyPerThousand: 'Party members per 1,000 residents',
    volunteerHours: 'Volunteer hours per month',
    caseFlow: 'Cases reported and closed per month',
    reported: 'Reported',
    closed: 'Closed',
    rates: 'Closure and on-time rate',
    categories: 'Cases by category',
    open: 'Open',
  },
  kinds: { COMMUNITY: 'Community', GRID: 'Grid', BUILDING: 'Building' },
  wall: {
    title: 'GridScope · Service hall',
    updated: 'Updated',
    staleSince: 'Stale since',
    tokenMissing: 'This display has no display token',
    tokenInvalid: 'The display token is invalid or has been revoked',
    tokenHelp:
      'Ask the administrator: npm run token -- create --role display --name "Hall screen 1", then add ?token=… to the address',
    scopeUnknown: 'No such scope',
    monthly: 'Cases reported and closed, last 12 months',
    ranking: 'Ranking',
    allScope: 'All communities',
  },
  periods: { quarter: 'This quarter', year: 'Last 12 months', twoYears: 'Last 24 months' },
  basemaps: { none: 'None (offline)', tianditu: 'Tianditu', amap: 'AMap', osm: 'OpenStreetMap' },
  metrics: {
    POPULATION: 'Population',
    HOUSEHOLDS: 'Households',
    FLOATING_POPULATION: 'Floating population',
    DENSITY: 'Density',
    PARTY_MEMBERS: 'Party members',
    VOLUNTEERS: 'Volunteers',
    VOLUNTEER_HOURS: 'Volunteer hours',
    CASES_REPORTED: 'Cases reported',
    CASES_CLOSED: 'Cases closed',
    CLOSURE_RATE: 'Closure rate',
    ON_TIME_RATE: 'On-time rate',
    MEDIAN_HOURS_TO_CLOSE: 'Median hours to close',
    BACKLOG: 'Backlog',
    SATISFACTION: 'Satisfaction',
  },
  units: {
    people: 'people',
    households: 'households',
    perKm2: 'per km²',
    hours: 'h',
    cases: 'cases',
    ratio: '',
    score: '/5',
  },
  categories: {
    FACILITY: 'Facility repair',
    SANITATION: 'Sanitation',
    DISPUTE: 'Dispute',
    SAFETY: 'Safety hazard',
    ILLEGAL_STRUCTURE: 'Illegal structure',
    PUBLIC_ORDER: 'Public order',
    WELFARE: 'Welfare',
    MARKET: 'Market order',
  },
  statuses: {
    REPORTED: 'Reported',
    ACCEPTED: 'Accepted',
    REJECTED: 'Rejected',
    DISPATCHED: 'Dispatched',
    HANDLED: 'Handled',
    VERIFIED: 'Verified',
    CLOSED: 'Closed',
  },
};

export const CATALOGUE: Record<Language, Strings> = { 'zh-CN': zh, en };
