import { graphql } from '../../gql';

/**
 * A page of the scope's overdue cases, the most days overdue first. `first` is written out:
 * the query's cost is priced before variables are known, and a variable counts as the largest page.
 */
export const OVERDUE_CASES = graphql(`
  query OverdueCases($communityCode: String, $gridCode: String, $after: String) {
    cases(
      filter: { overdue: true, communityCode: $communityCode, gridCode: $gridCode }
      orderBy: DEADLINE
      first: 20
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          category
          source
          daysOverdue
          generated
          community {
            code
            name
          }
          grid {
            code
            name
            worker {
              name
            }
          }
        }
      }
    }
  }
`);

export const CASE_DETAIL = graphql(`
  query CaseDetail($code: String!) {
    case(code: $code) {
      code
      category
      source
      status
      description
      reportedAt
      acceptedAt
      closedAt
      deadline
      extendedAt
      daysOverdue
      location {
        lat
        lng
      }
      community {
        code
        name
      }
      grid {
        code
        name
        boundary
        worker {
          name
        }
      }
      events {
        from
        to
        at
        actor
        note
      }
    }
  }
`);
