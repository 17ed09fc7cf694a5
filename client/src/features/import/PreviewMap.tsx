import type { Feature, Geometry } from 'geojson';
import L, { type PathOptions } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo } from 'react';
import { GeoJSON, MapContainer, useMap } from 'react-leaflet';
import { useStrings } from '../../i18n/LanguageProvider';
import type { PlaceChange, PreviewCollection, PreviewProperties } from './upload';

const CHANGE_COLOURS: Record<PlaceChange, string> = { created: '#16a34a', updated: '#f59e0b', unchanged: '#98a2b3' };
const CHANGES = Object.keys(CHANGE_COLOURS) as PlaceChange[];
/** Larger places first, so that the grids and cases inside a community are drawn over it and can be pointed at. */
const LEVELS: PreviewProperties['level'][] = ['SUB_DISTRICT', 'COMMUNITY', 'GRID', 'BUILDING', 'CASE'];

function styleOf(properties: PreviewProperties): PathOptions {
  const colour = CHANGE_COLOURS[properties.change];
  if (properties.level === 'SUB_DISTRICT' || properties.level === 'COMMUNITY')
    return { color: colour, weight: 3, fillColor: colour, fillOpacity: 0.08 };
  if (properties.level === 'CASE') return { color: '#344054', weight: 1, fillColor: colour, fillOpacity: 0.9 };
  return { color: '#fff', weight: 1.5, fillColor: colour, fillOpacity: 0.6 };
}

/** Names come from the admin's file: set as text, never as HTML. */
function tooltipOf(properties: PreviewProperties, change: string): HTMLElement {
  const tooltip = document.createElement('div');
  tooltip.append(Object.assign(document.createElement('strong'), { textContent: properties.name }));
  tooltip.append(document.createElement('br'), `${properties.code} · ${change}`);
  return tooltip;
}

function FitToPreview({ preview }: { preview: PreviewCollection }) {
  const map = useMap();
  useEffect(
    function fitToFeatures() {
      const bounds = L.geoJSON(preview).getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
    },
    [map, preview],
  );
  return null;
}

/**
 * The file's places as the import would leave them, coloured by what it does to each. No
 * basemap: the admin page works offline, and the places are in WGS-84 (they would sit
 * hundreds of metres off the streets of a GCJ-02 map).
 */
export function PreviewMap({ preview }: { preview: PreviewCollection }) {
  const { strings, language } = useStrings();
  const ordered = useMemo(
    () => ({
      ...preview,
      features: preview.features.toSorted(
        (a, b) => LEVELS.indexOf(a.properties.level) - LEVELS.indexOf(b.properties.level),
      ),
    }),
    [preview],
  );
  return (
    <div className="map-frame import-map" data-testid="import-preview" data-features={preview.features.length}>
      <MapContainer center={[34, 112]} zoom={5} preferCanvas attributionControl={false} className="map">
        <GeoJSON
          key={language}
          data={ordered}
          style={(feature) => styleOf(feature!.properties)}
          pointToLayer={(_feature, latlng) => L.circleMarker(latlng, { radius: 6 })}
          onEachFeature={(feature: Feature<Geometry, PreviewProperties>, layer) =>
            layer.bindTooltip(tooltipOf(feature.properties, strings.import[feature.properties.change]), {
              sticky: true,
            })
          }
        />
        <FitToPreview preview={ordered} />
      </MapContainer>
      <div className="legend" aria-label={strings.import.preview}>
        {CHANGES.map((change) => (
          <div key={change} className="legend-row">
            <span className="swatch" style={{ background: CHANGE_COLOURS[change] }} />
            {strings.import[change]}
          </div>
        ))}
      </div>
    </div>
  );
}
