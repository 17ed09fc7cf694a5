import type { Metric } from '../../../shared/metrics/definitions';
import type { Language } from '../../../shared/format/number';

/** Every string the dashboard shows, in one place: Chinese first, English second. */
export const CATALOGUE = {
  'zh-CN': {
    title: '网格通 · 社区网格治理看板', allCommunities: '全部社区', metric: '指标', language: 'English',
    noLocation: '以下社区暂无地理位置，未在地图上绘制：', loading: '正在加载…', error: '无法连接服务器。', retry: '重试',
    ranking: '社区排名', tooFew: '案件太少', grids: '网格', period: '近一年', search: '搜索社区、网格或楼栋',
    metrics: {
      POPULATION: '常住人口', HOUSEHOLDS: '户数', FLOATING_POPULATION: '流动人口', DENSITY: '人口密度', PARTY_MEMBERS: '党员数',
      VOLUNTEERS: '志愿者', VOLUNTEER_HOURS: '志愿服务时长', CASES_REPORTED: '上报事件', CASES_CLOSED: '结案数', CLOSURE_RATE: '结案率',
      ON_TIME_RATE: '按期结案率', MEDIAN_HOURS_TO_CLOSE: '结案用时中位数（小时）', BACKLOG: '待办事件', SATISFACTION: '满意度',
    } satisfies Record<Metric, string>,
  },
  en: {
    title: 'GridScope · Community grid governance', allCommunities: 'All communities', metric: 'Metric', language: '中文',
    noLocation: 'These communities have no known location and are not drawn on the map:', loading: 'Loading…', error: 'Cannot reach the server.', retry: 'Retry',
    ranking: 'Ranking', tooFew: 'too few cases', grids: 'Grids', period: 'last 12 months', search: 'Find a community, grid or building',
    metrics: {
      POPULATION: 'Population', HOUSEHOLDS: 'Households', FLOATING_POPULATION: 'Floating population', DENSITY: 'Density', PARTY_MEMBERS: 'Party members',
      VOLUNTEERS: 'Volunteers', VOLUNTEER_HOURS: 'Volunteer hours', CASES_REPORTED: 'Cases reported', CASES_CLOSED: 'Cases closed', CLOSURE_RATE: 'Closure rate',
      ON_TIME_RATE: 'On-time rate', MEDIAN_HOURS_TO_CLOSE: 'Median hours to close', BACKLOG: 'Backlog', SATISFACTION: 'Satisfaction',
    } satisfies Record<Metric, string>,
  },
} as const;

export type Strings = (typeof CATALOGUE)[Language];
