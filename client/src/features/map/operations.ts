import { gql } from '@apollo/client';

export const MAP_FEATURES = gql`
  query MapFeatures($level: MapLevel!, $metric: Metric!, $communityCode: String, $gridCode: String) {
    mapFeatures(level: $level, metric: $metric, communityCode: $communityCode, gridCode: $gridCode)
  }
`;
