import { graphql } from '../gql';

/** Who is signed in (or which token, or nobody), and whether the server shows figures to nobody. */
export const VIEWER = graphql(`
  query Viewer {
    viewer {
      role
      via
      username
      displayName
      scope
      scopeName
      publicDashboard
    }
  }
`);

/** The dashboard's queries, composed of the fragments its components declare. */
export const KPI_METRICS = [
  'POPULATION',
  'PARTY_MEMBERS',
  'VOLUNTEERS',
  'VOLUNTEER_HOURS',
  'CLOSURE_RATE',
  'ON_TIME_RATE',
  'BACKLOG',
  'OVERDUE_OPEN',
] as const;

export const SCOPE_SUMMARY = graphql(`
  query ScopeSummary($metrics: [Metric!]!, $communityCode: String, $gridCode: String, $from: DateTime, $to: DateTime) {
    summary(metrics: $metrics, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) {
      ...KpiCards_summary
      ...PrintHeading_values
    }
  }
`);

export const COMMUNITY_ROWS = graphql(`
  query CommunityRows($metric: Metric!, $from: DateTime, $to: DateTime) {
    communities {
      hasLocation
      ...ChartRows_community
    }
  }
`);

export const GRID_ROWS = graphql(`
  query GridRows($code: String!, $metric: Metric!, $from: DateTime, $to: DateTime) {
    community(code: $code) {
      code
      name
      hasLocation
      grids {
        ...ChartRows_grid
      }
    }
  }
`);

export const SCOPE_SERIES = graphql(`
  query ScopeSeries($communityCode: String, $gridCode: String, $from: DateTime!, $to: DateTime!) {
    ...ChartSeries_scope
  }
`);
