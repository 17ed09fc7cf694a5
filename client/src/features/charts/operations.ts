import { gql } from '@apollo/client';

export const KPI_METRICS = ['POPULATION', 'HOUSEHOLDS', 'PARTY_MEMBERS', 'VOLUNTEERS', 'VOLUNTEER_HOURS', 'CLOSURE_RATE', 'ON_TIME_RATE', 'BACKLOG'] as const;

export const SCOPE_SUMMARY = gql`
  query ScopeSummary($metrics: [Metric!]!, $communityCode: String, $gridCode: String, $from: DateTime, $to: DateTime) {
    summary(metrics: $metrics, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) { metric value perThousand sampleSize tooFewCases }
  }
`;

const CHILD = `
  code name population households
  party: metric(metric: PARTY_MEMBERS) { value perThousand }
  selected: metric(metric: $metric, from: $from, to: $to) { value tooFewCases }
`;

export const COMMUNITY_ROWS = gql`
  query CommunityRows($metric: Metric!, $from: DateTime, $to: DateTime) {
    communities { hasLocation ${CHILD} }
  }
`;

export const GRID_ROWS = gql`
  query GridRows($code: String!, $metric: Metric!, $from: DateTime, $to: DateTime) {
    community(code: $code) { code name hasLocation grids { ${CHILD} } }
  }
`;

export const SCOPE_SERIES = gql`
  query ScopeSeries($communityCode: String, $gridCode: String, $from: DateTime!, $to: DateTime!) {
    hours: timeSeries(metric: VOLUNTEER_HOURS, bucket: MONTH, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) { start value }
    reported: timeSeries(metric: CASES_REPORTED, bucket: MONTH, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) { start value }
    closed: timeSeries(metric: CASES_CLOSED, bucket: MONTH, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) { start value }
    closure: timeSeries(metric: CLOSURE_RATE, bucket: MONTH, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) { start value }
    onTime: timeSeries(metric: ON_TIME_RATE, bucket: MONTH, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) { start value }
    categories: casesByCategory(communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) { category reported closed open }
  }
`;

export interface ChildRow {
  code: string; name: string; population: number; households: number; hasLocation?: boolean;
  party: { value: number | null; perThousand: number | null };
  selected: { value: number | null; tooFewCases: boolean };
}

export interface Point { start: string; value: number | null }
export interface SeriesData {
  hours: Point[]; reported: Point[]; closed: Point[]; closure: Point[]; onTime: Point[];
  categories: { category: string; reported: number; closed: number; open: number }[];
}
