import { graphql } from '../../gql';

/** The assessment's league table: every community, or one community's grids, in each graded rate and the counts behind them. */
export const LEAGUE_TABLE = graphql(`
  query LeagueTable($level: MapLevel!, $communityCode: String, $from: DateTime, $to: DateTime) {
    onTime: ranking(level: $level, metric: ON_TIME_RATE, communityCode: $communityCode, from: $from, to: $to) {
      ...LeagueTable_row
    }
    closure: ranking(level: $level, metric: CLOSURE_RATE, communityCode: $communityCode, from: $from, to: $to) {
      ...LeagueTable_row
    }
    satisfaction: ranking(level: $level, metric: SATISFACTION, communityCode: $communityCode, from: $from, to: $to) {
      ...LeagueTable_row
    }
    reported: ranking(level: $level, metric: CASES_REPORTED, communityCode: $communityCode, from: $from, to: $to) {
      ...LeagueTable_row
    }
    overdue: ranking(level: $level, metric: OVERDUE_OPEN, communityCode: $communityCode, from: $from, to: $to) {
      ...LeagueTable_row
    }
  }
`);
