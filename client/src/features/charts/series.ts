import { graphql } from '../../gql';

/** The scope's monthly series and categories, for the volunteer, case-flow and category charts. */
export const ChartSeries_scope = graphql(`
  fragment ChartSeries_scope on Query {
    hours: timeSeries(
      metric: VOLUNTEER_HOURS
      bucket: MONTH
      communityCode: $communityCode
      gridCode: $gridCode
      from: $from
      to: $to
    ) {
      start
      value
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
    closure: timeSeries(
      metric: CLOSURE_RATE
      bucket: MONTH
      communityCode: $communityCode
      gridCode: $gridCode
      from: $from
      to: $to
    ) {
      start
      value
    }
    onTime: timeSeries(
      metric: ON_TIME_RATE
      bucket: MONTH
      communityCode: $communityCode
      gridCode: $gridCode
      from: $from
      to: $to
    ) {
      start
      value
    }
    categories: casesByCategory(communityCode: $communityCode, gridCode: $gridCode, from: $from, to: $to) {
      category
      reported
      closed
      open
    }
  }
`);
