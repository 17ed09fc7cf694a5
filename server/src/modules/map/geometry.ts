import { bboxClip } from '@turf/bbox-clip';
import { simplify } from '@turf/simplify';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import type { BBoxInput } from './map.input';

/** Degrees per screen pixel at a Web-Mercator zoom level (256-pixel tiles, at the equator). */
export function degreesPerPixel(zoom: number): number {
  return 360 / (256 * 2 ** zoom);
}

/**
 * Drop vertices closer than half a pixel at this zoom, then cut to the viewport:
 * what the map draws is all that is sent.
 */
export function fitToView<P extends GeoJsonProperties>(
  feature: Feature<Polygon | MultiPolygon, P>,
  zoom: number | null,
  bbox: BBoxInput | null,
): Feature<Polygon | MultiPolygon, P> {
  const simplified =
    zoom === null
      ? feature
      : (simplify(feature, { tolerance: degreesPerPixel(zoom) / 2, highQuality: false }) as Feature<
          Polygon | MultiPolygon,
          P
        >);
  return bbox
    ? (bboxClip(simplified, [bbox.west, bbox.south, bbox.east, bbox.north]) as Feature<Polygon | MultiPolygon, P>)
    : simplified;
}

export function isEmptyGeometry(feature: Feature<Polygon | MultiPolygon>): boolean {
  return feature.geometry.coordinates.every((ring) => ring.length === 0);
}

export function validateBBox(bbox: BBoxInput): string | null {
  const { west, south, east, north } = bbox;
  if ([west, east].some((lng) => lng < -180 || lng > 180) || [south, north].some((lat) => lat < -90 || lat > 90))
    return 'bbox must be in WGS-84 degrees';
  if (west >= east || south >= north) return 'bbox needs west < east and south < north';
  return null;
}
