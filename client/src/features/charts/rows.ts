import { graphql } from '../../gql';
import type { ChartRows_CommunityFragment, ChartRows_GridFragment } from '../../gql/graphql';

/**
 * What the ranking, population and party charts read of each community or grid in
 * scope. The same selection on both types: the dashboard ranks communities, or one
 * community's grids.
 */
export const ChartRows_community = graphql(`
  fragment ChartRows_community on Community {
    code
    name
    population
    households
    party: metric(metric: PARTY_MEMBERS) {
      value
      perThousand
    }
    selected: metric(metric: $metric, from: $from, to: $to) {
      value
      tooFewCases
    }
  }
`);

export const ChartRows_grid = graphql(`
  fragment ChartRows_grid on Grid {
    code
    name
    population
    households
    party: metric(metric: PARTY_MEMBERS) {
      value
      perThousand
    }
    selected: metric(metric: $metric, from: $from, to: $to) {
      value
      tooFewCases
    }
  }
`);

export type ChartRow = ChartRows_CommunityFragment | ChartRows_GridFragment;
