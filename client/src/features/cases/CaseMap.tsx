import type { FeatureCollection, Geometry } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useMemo } from 'react';
import { CircleMarker, GeoJSON, MapContainer } from 'react-leaflet';
import { convertGeometry, convertPosition } from '../../../../shared/geo/convert';
import { BASEMAP_CRS, type BasemapName, type ServerConfig } from '../../components/map/basemap';
import { useBasemapFallback } from '../../components/map/basemap-fallback';
import { BasemapLayers } from '../../components/map/BasemapLayers';
import { BasemapStatus } from '../../components/map/BasemapStatus';
import { FitBounds } from '../../components/map/GridMap';

interface Props {
  caseCode: string;
  /** The grid's outline (WGS-84), when it has one. */
  boundary: Geometry | null;
  /** Where the case is; null unless the viewer may read the case. */
  location: { lat: number; lng: number } | null;
  overdue: boolean;
  basemap: BasemapName;
  config: ServerConfig | null;
}

/**
 * The case's grid outlined and, for those who may read the case, its point, on the
 * dashboard's basemap (none by default, so it works offline), converted to its coordinates.
 */
export function CaseMap({ caseCode, boundary, location, overdue, basemap, config }: Props) {
  const fallback = useBasemapFallback(basemap, config);
  const crs = BASEMAP_CRS[fallback.shown];
  const outline = useMemo(() => boundary && convertGeometry(boundary, 'WGS84', crs), [boundary, crs]);
  const point = useMemo(() => location && convertPosition([location.lng, location.lat], 'WGS84', crs), [location, crs]);
  const place = useMemo(
    (): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [
        ...(outline ? [{ type: 'Feature' as const, geometry: outline, properties: {} }] : []),
        ...(point
          ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: point }, properties: {} }]
          : []),
      ],
    }),
    [outline, point],
  );
  const bounds = useMemo(() => L.geoJSON(place).getBounds(), [place]);
  return (
    <div className="map-frame case-map" data-testid="case-map" data-features={place.features.length}>
      <MapContainer center={[34, 112]} zoom={5} attributionControl={false} className="map">
        <BasemapLayers basemap={fallback.shown} config={config} onFailed={fallback.onFailed} />
        {outline && (
          <GeoJSON
            key={crs}
            data={outline}
            style={{ color: '#b71c1c', weight: 3, fillColor: '#fff', fillOpacity: 0.5 }}
            interactive={false}
          />
        )}
        {point && (
          <CircleMarker
            center={[point[1], point[0]]}
            radius={8}
            pathOptions={{ fillColor: overdue ? '#d7191c' : '#fdae61', fillOpacity: 1, color: '#7a0000', weight: 2 }}
          />
        )}
        <FitBounds bounds={bounds} fitKey={`${caseCode}/${crs}`} />
      </MapContainer>
      <BasemapStatus fallback={fallback} config={config} />
    </div>
  );
}
