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

/** The places a wall rotates through; a city-wide wall rotates through communities and needs none of their grids. */
export const WALL_PLACES = graphql(`
  query WallPlaces($withGrids: Boolean!) {
    communities {
      code
      name
      hasLocation
      subDistrict {
        code
        name
        city
      }
      grids @include(if: $withGrids) {
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

/** The head of the league table of the scope's communities, or of one community's grids, with grades where the metric has bands. */
export const WALL_RANKING = graphql(`
  query WallRanking(
    $level: MapLevel!
    $metric: Metric!
    $communityCode: String
    $subDistrictCode: String
    $top: Int!
    $from: DateTime
    $to: DateTime
  ) {
    ranking(
      level: $level
      metric: $metric
      communityCode: $communityCode
      subDistrictCode: $subDistrictCode
      top: $top
      from: $from
      to: $to
    ) {
      code
      name
      value
      grade
    }
  }
`);

/** The latest cases of the scope for the ticker: category, grid and time, nothing about people. */
export const WALL_LATEST_CASES = graphql(`
  query WallLatestCases($communityCode: String, $since: DateTime!) {
    cases(filter: { communityCode: $communityCode, from: $since }, first: 30) {
      edges {
        node {
          code
          category
          reportedAt
          community {
            code
          }
          grid {
            code
            name
          }
        }
      }
    }
  }
`);
