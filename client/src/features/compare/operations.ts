import { graphql } from '../../gql';

export const COMPARE_METRICS = [
  'POPULATION',
  'HOUSEHOLDS',
  'FLOATING_POPULATION',
  'DENSITY',
  'PARTY_MEMBERS',
  'VOLUNTEERS',
  'VOLUNTEER_HOURS',
  'CASES_REPORTED',
  'CLOSURE_RATE',
  'ON_TIME_RATE',
  'MEDIAN_HOURS_TO_CLOSE',
  'BACKLOG',
] as const;

export const COMPARE = graphql(`
  query Compare($codes: [String!]!, $metrics: [Metric!]!, $from: DateTime, $to: DateTime) {
    communities {
      code
      name
    }
    compare(communityCodes: $codes, metrics: $metrics, from: $from, to: $to) {
      communityCode
      communityName
      metric
      raw
      perThousand
      tooFewCases
    }
  }
`);

export const COMMUNITY_NAMES = graphql(`
  query CommunityNames {
    communities {
      code
      name
    }
  }
`);
