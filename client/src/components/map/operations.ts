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

export const MAP_LEGEND = graphql(`
  query MapLegend($level: MapLevel!, $metric: Metric!, $from: DateTime, $to: DateTime) {
    mapLegend(level: $level, metric: $metric, from: $from, to: $to) {
      classes {
        from
        to
      }
      gradeLimits
    }
  }
`);

/** A community's own boundary: its outline around its grids. */
export const COMMUNITY_OUTLINE = graphql(`
  query CommunityOutline($code: String!) {
    community(code: $code) {
      code
      boundary
    }
  }
`);

/** Where the places' vector tiles of a period are, and the extent to fit the overview to. */
export const MAP_TILES = graphql(`
  query MapTiles($from: DateTime, $to: DateTime) {
    mapTiles(from: $from, to: $to) {
      url
      communityMinZoom
      bounds {
        west
        south
        east
        north
      }
    }
  }
`);

/** The legend with every place's value: what the tiles' shapes are coloured by, fetched anew when only the metric or period changes. */
export const MAP_PLACE_VALUES = graphql(`
  query MapPlaceValues($level: MapLevel!, $metric: Metric!, $from: DateTime, $to: DateTime) {
    mapLegend(level: $level, metric: $metric, from: $from, to: $to) {
      classes {
        from
        to
      }
      gradeLimits
      places {
        codes
        values
        tooFewCases
      }
    }
  }
`);
