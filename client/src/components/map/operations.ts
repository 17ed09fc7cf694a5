import { gql } from '@apollo/client';

export const MAP_FEATURES = gql`
  query MapFeatures($level: MapLevel!, $metric: Metric!, $communityCode: String, $gridCode: String, $from: DateTime, $to: DateTime) {
    mapFeatures(level: $level, metric: $metric, communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to)
  }
`;

export const OPEN_CASES = gql`
  query OpenCases($gridCode: String!) {
    cases(filter: { gridCode: $gridCode, open: true }, first: 100) {
      totalCount
      edges { node { code category status description deadline overdue location { lat lng } } }
    }
  }
`;
