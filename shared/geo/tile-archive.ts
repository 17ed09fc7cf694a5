/** The kinds of tile a basemap archive may hold: raster images, or Mapbox vector tiles (pbf). */
export type TileFormat = 'png' | 'jpg' | 'webp' | 'pbf';

/** What the dashboard needs to know of the offline archive to draw it; the server reads it from the file. */
export interface TileArchiveInfo {
  format: TileFormat;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in WGS-84 degrees: no tile is asked for outside them. */
  bounds: [number, number, number, number];
  /** The archive's own credits (its data's licence), shown on the map. */
  attribution: string | null;
}
