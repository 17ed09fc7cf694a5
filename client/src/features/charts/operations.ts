import { gql } from '@apollo/client';

export const SCOPE_METRICS = gql`
  query ScopeMetrics($metric: Metric!) {
    communities {
      code name hasLocation population households partyMembers volunteers volunteerHours
      closure: metric(metric: CLOSURE_RATE) { value tooFewCases }
      onTime: metric(metric: ON_TIME_RATE) { value tooFewCases }
      backlog: metric(metric: BACKLOG) { value }
      selected: metric(metric: $metric) { value tooFewCases }
    }
  }
`;

export const COMMUNITY_GRIDS = gql`
  query CommunityGrids($code: String!, $metric: Metric!) {
    community(code: $code) { code grids { code name population selected: metric(metric: $metric) { value tooFewCases } } }
  }
`;
