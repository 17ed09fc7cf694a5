import type { TileArchiveInfo, TileFormat } from '../../../shared/geo/tile-archive';

/** An offline basemap file (BASEMAP=file:…), open for the server's lifetime. */
export interface TileArchive {
  info: TileArchiveInfo;
  /** A tile's bytes, uncompressed; null where the archive has none. */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export const TILE_CONTENT_TYPES: Record<TileFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/vnd.mapbox-vector-tile',
};

/** The extent an archive states, or Spherical Mercator's whole world when it states none that makes sense. */
export function archiveBounds([west, south, east, north]: number[]): TileArchiveInfo['bounds'] {
  return west < east && south < north ? [west, south, east, north] : [-180, -85.0511, 180, 85.0511];
}

/** An archive's credits as text: tools write them as HTML links (`<a href=…>&copy; OpenStreetMap</a>`). */
export function archiveCredits(html: string | undefined): string | null {
  const text = (html ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replaceAll('&copy;', '©')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}
