import { graphql } from '../../gql';

export const WALL_KPIS = [
  'POPULATION',
  'HOUSEHOLDS',
  'PARTY_MEMBERS',
  'VOLUNTEER_HOURS',
  'CLOSURE_RATE',
  'ON_TIME_RATE',
  'BACKLOG',
] as const;

export const WALL_PLACES = graphql(`
  query WallPlaces {
    communities {
      code
      name
      hasLocation
      subDistrict {
        code
        name
        city
      }
      grids {
        code
        name
      }
    }
  }
`);

export const WALL_ITEM = graphql(`
  query WallItem($metrics: [Metric!]!, $communityCode: String, $gridCode: String, $from: DateTime!, $to: DateTime!) {
    summary(metrics: $metrics, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) {
      metric
      value
      tooFewCases
    }
    reported: timeSeries(
      metric: CASES_REPORTED
      bucket: MONTH
      communityCode: $communityCode
      gridCode: $gridCode
      from: $from
      to: $to
    ) {
      start
      value
    }
    closed: timeSeries(
      metric: CASES_CLOSED
      bucket: MONTH
      communityCode: $communityCode
      gridCode: $gridCode
      from: $from
      to: $to
    ) {
      start
      value
    }
  }
`);

export const LIVE_CHANGES = graphql(`
  subscription LiveChanges($scope: String!) {
    liveChanges(scope: $scope) {
      kind
      communityCode
      gridCode
      at
    }
  }
`);

export const WALL_RANKING_COMMUNITIES = graphql(`
  query WallRankingCommunities($metric: Metric!, $from: DateTime, $to: DateTime) {
    communities {
      code
      name
      m: metric(metric: $metric, from: $from, to: $to) {
        value
        tooFewCases
      }
    }
  }
`);

export const WALL_RANKING_GRIDS = graphql(`
  query WallRankingGrids($code: String!, $metric: Metric!, $from: DateTime, $to: DateTime) {
    community(code: $code) {
      code
      grids {
        code
        name
        m: metric(metric: $metric, from: $from, to: $to) {
          value
          tooFewCases
        }
      }
    }
  }
`);
