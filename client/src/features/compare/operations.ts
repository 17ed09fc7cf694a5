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
  query Compare(
    $communityCodes: [String!]
    $gridCodes: [String!]
    $metrics: [Metric!]!
    $from: DateTime
    $to: DateTime
  ) {
    compare(communityCodes: $communityCodes, gridCodes: $gridCodes, metrics: $metrics, from: $from, to: $to) {
      code
      metric
      raw
      perThousand
      tooFewCases
      provenance {
        kind
        source
        asOf
        qualifier
        restsOnGenerated
      }
    }
  }
`);

/** What can be picked: every community, and its grids. */
export const COMPARE_PLACES = graphql(`
  query ComparePlaces {
    communities {
      code
      name
      grids {
        code
        name
      }
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
