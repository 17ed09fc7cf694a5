import { graphql } from '../../gql';

export const MAP_FEATURES = graphql(`
  query MapFeatures(
    $level: MapLevel!
    $metric: Metric!
    $communityCode: String
    $gridCode: String
    $from: DateTime
    $to: DateTime
  ) {
    mapFeatures(
      level: $level
      metric: $metric
      communityCode: $communityCode
      gridCode: $gridCode
      from: $from
      to: $to
    )
  }
`);

export const OPEN_CASES = graphql(`
  query OpenCases($gridCode: String!) {
    cases(filter: { gridCode: $gridCode, open: true }, first: 100) {
      totalCount
      edges {
        node {
          code
          category
          status
          description
          deadline
          overdue
          location {
            lat
            lng
          }
        }
      }
    }
  }
`);
