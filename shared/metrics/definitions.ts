import type { Bilingual } from '../vocabulary';

/**
 * Every metric the product shows, defined once. `source` says where the value comes
 * from: `static` figures (latest snapshot or stated), `rollup` sums over the period,
 * `cohort` the cases accepted in the period as they stood at its end (the published
 * monthly figures, shared/metrics/case-metrics.ts), `raw` rows (medians).
 * `perThousand` says whether a per-1,000-residents view makes sense.
 */
export const METRICS = [
  'POPULATION',
  'HOUSEHOLDS',
  'FLOATING_POPULATION',
  'DENSITY',
  'PARTY_MEMBERS',
  'VOLUNTEERS',
  'VOLUNTEER_HOURS',
  'CASES_REPORTED',
  'CASES_ACCEPTED',
  'CASES_DUE',
  'CASES_CLOSED',
  'CASES_CLOSED_ON_TIME',
  'CASES_POSTPONED',
  'CLOSURE_RATE',
  'ON_TIME_RATE',
  'REWORK_RATE',
  'EXTENSION_RATE',
  'OVERDUE_OPEN',
  'MEDIAN_HOURS_TO_CLOSE',
  'BACKLOG',
  'SATISFACTION',
] as const;
export type Metric = (typeof METRICS)[number];

export type MetricUnit = 'people' | 'households' | 'perKm2' | 'hours' | 'cases' | 'ratio' | 'score';

/** The words of a metric: its name, and how it is counted (the README and the metricDefinitions query say the same). */
export interface MetricText {
  name: Bilingual;
  definition: Bilingual;
  /** For a rate: the metrics it divides, numerator ÷ (denominator − denominatorLess). */
  ratio?: { numerator: Metric; denominator: Metric; denominatorLess?: Metric };
}

export interface MetricDefinition {
  unit: MetricUnit;
  source: 'static' | 'rollup' | 'cohort' | 'raw';
  /** A rate over fewer than MIN_CASES_FOR_RATE cases is not shown. */
  isRate: boolean;
  perThousand: boolean;
  /** Whether a larger value is better (for best/worst marks and colour direction). */
  higherIsBetter: boolean | null;
}

export const METRIC_DEFINITIONS: Record<Metric, MetricDefinition> = {
  POPULATION: { unit: 'people', source: 'static', isRate: false, perThousand: false, higherIsBetter: null },
  HOUSEHOLDS: { unit: 'households', source: 'static', isRate: false, perThousand: true, higherIsBetter: null },
  FLOATING_POPULATION: { unit: 'people', source: 'static', isRate: false, perThousand: true, higherIsBetter: null },
  DENSITY: { unit: 'perKm2', source: 'static', isRate: false, perThousand: false, higherIsBetter: null },
  PARTY_MEMBERS: { unit: 'people', source: 'static', isRate: false, perThousand: true, higherIsBetter: true },
  VOLUNTEERS: { unit: 'people', source: 'static', isRate: false, perThousand: true, higherIsBetter: true },
  VOLUNTEER_HOURS: { unit: 'hours', source: 'rollup', isRate: false, perThousand: true, higherIsBetter: true },
  CASES_REPORTED: { unit: 'cases', source: 'rollup', isRate: false, perThousand: true, higherIsBetter: null },
  CASES_ACCEPTED: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: null },
  CASES_DUE: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: null },
  CASES_CLOSED: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: true },
  CASES_CLOSED_ON_TIME: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: true },
  CASES_POSTPONED: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: false },
  CLOSURE_RATE: { unit: 'ratio', source: 'cohort', isRate: true, perThousand: false, higherIsBetter: true },
  ON_TIME_RATE: { unit: 'ratio', source: 'cohort', isRate: true, perThousand: false, higherIsBetter: true },
  REWORK_RATE: { unit: 'ratio', source: 'cohort', isRate: true, perThousand: false, higherIsBetter: false },
  EXTENSION_RATE: { unit: 'ratio', source: 'cohort', isRate: true, perThousand: false, higherIsBetter: false },
  OVERDUE_OPEN: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: false },
  MEDIAN_HOURS_TO_CLOSE: { unit: 'hours', source: 'raw', isRate: true, perThousand: false, higherIsBetter: false },
  BACKLOG: { unit: 'cases', source: 'rollup', isRate: false, perThousand: true, higherIsBetter: false },
  SATISFACTION: { unit: 'score', source: 'rollup', isRate: true, perThousand: false, higherIsBetter: true },
};

export const MIN_CASES_FOR_RATE = 5;

/** Value per 1,000 residents, or null when the population is unknown or zero. */
export function perThousandResidents(value: number | null, population: number | null): number | null {
  if (value === null || !population) return null;
  return (value * 1000) / population;
}

const text = (zh: string, en: string, definitionZh: string, definitionEn: string, ratio?: MetricText['ratio']) => ({
  name: { zh, en },
  definition: { zh: definitionZh, en: definitionEn },
  ...(ratio ? { ratio } : {}),
});

/** What each metric is called and how it is counted; the case figures are those of the monthly bulletins. */
export const METRIC_TEXT: Record<Metric, MetricText> = {
  POPULATION: text('常住人口', 'Population', '最新的统计或导入数字', 'The latest stated or imported figure'),
  HOUSEHOLDS: text('户数', 'Households', '最新的统计或导入数字', 'The latest stated or imported figure'),
  FLOATING_POPULATION: text(
    '流动人口',
    'Floating population',
    '最新的统计或导入数字',
    'The latest stated or imported figure',
  ),
  DENSITY: text('人口密度', 'Density', '常住人口 ÷ 面积（平方公里）', 'Population ÷ area in km²'),
  PARTY_MEMBERS: text('党员数', 'Party members', '各党组织党员数之和', 'Members of the party organisations, summed'),
  VOLUNTEERS: text(
    '志愿者',
    'Volunteers',
    '最新的统计数字，或志愿队伍人数之和',
    'The stated figure, or the members of the volunteer teams',
  ),
  VOLUNTEER_HOURS: text('志愿服务时长', 'Volunteer hours', '期内登记的服务时长之和', 'Hours logged in the period'),
  CASES_REPORTED: text('上报事件', 'Cases reported', '期内上报的事件数', 'Cases reported in the period'),
  CASES_ACCEPTED: text('立案数', 'Cases accepted', '期内立案的事件数', 'Cases accepted (立案) in the period'),
  CASES_DUE: text(
    '应结案数',
    'Cases due',
    '期内立案的事件中，除期末仍未结且处置时限在期末之后的',
    'Of the cases accepted in the period, all but those still open at its end whose deadline lies after it',
  ),
  CASES_CLOSED: text(
    '结案数',
    'Cases closed',
    '应结案事件中，期末前已结案的',
    'Of the cases due, those closed by the period’s end',
  ),
  CASES_CLOSED_ON_TIME: text(
    '按期结案数',
    'Closed on time',
    '已结案事件中，在处置时限（含批准延期）内结案的',
    'Of the cases closed, those closed by their deadline (an approved extension moves it)',
  ),
  CASES_POSTPONED: text(
    '缓办数',
    'Postponed',
    '应结案且期末未结的事件中，经批准缓办的',
    'Of the cases due and still open at the period’s end, those postponed with approval',
  ),
  CLOSURE_RATE: text(
    '结案率',
    'Closure rate',
    '结案数 ÷ (应结案数 − 缓办数)',
    'Cases closed ÷ (cases due − postponed)',
    {
      numerator: 'CASES_CLOSED',
      denominator: 'CASES_DUE',
      denominatorLess: 'CASES_POSTPONED',
    },
  ),
  ON_TIME_RATE: text(
    '按期结案率',
    'On-time rate',
    '按期结案数 ÷ (应结案数 − 缓办数)',
    'Cases closed on time ÷ (cases due − postponed)',
    { numerator: 'CASES_CLOSED_ON_TIME', denominator: 'CASES_DUE', denominatorLess: 'CASES_POSTPONED' },
  ),
  REWORK_RATE: text(
    '返工率',
    'Rework rate',
    '核查不通过、退回处置过的结案事件 ÷ 结案数',
    'Closed cases that verification sent back to handling ÷ cases closed',
  ),
  EXTENSION_RATE: text(
    '延期率',
    'Extension rate',
    '经批准延期的立案事件 ÷ 立案数',
    'Accepted cases whose deadline was extended with approval ÷ cases accepted',
  ),
  OVERDUE_OPEN: text(
    '超期未结',
    'Overdue, open',
    '期末已立案、未结且超过处置时限的事件',
    'Cases accepted by the period’s end, open at its end and past their deadline',
  ),
  MEDIAN_HOURS_TO_CLOSE: text(
    '结案用时中位数',
    'Median hours to close',
    '期内结案事件从上报到结案小时数的中位数',
    'Median hours from report to closure of the cases closed in the period',
  ),
  BACKLOG: text(
    '待办事件',
    'Backlog',
    '期末已上报、既未结案也未不予立案的事件',
    'Cases reported and neither closed nor rejected by the period’s end',
  ),
  SATISFACTION: text(
    '满意度',
    'Satisfaction',
    '期内结案事件的 1–5 分评价平均值',
    'Mean 1–5 rating of the cases closed in the period',
  ),
};

/** Every metric's name in one language, for the dashboard's catalogue. */
export const metricNames = (language: keyof Bilingual) =>
  Object.fromEntries(METRICS.map((m) => [m, METRIC_TEXT[m].name[language]])) as Record<Metric, string>;
