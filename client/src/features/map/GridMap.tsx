import { useQuery } from '@apollo/client/react';
import type { Feature, FeatureCollection } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo } from 'react';
import { GeoJSON, MapContainer, useMap } from 'react-leaflet';
import { formatNumber, type Language } from '../../../../shared/format/number';
import { classify, colorFor } from '../../../../shared/geo/classify';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import type { Strings } from '../../i18n/catalogue';
import { Legend } from './Legend';
import { MAP_FEATURES } from './operations';

interface Props { communityCode: string | null; metric: Metric; language: Language; strings: Strings; onSelect(code: string): void }
type Properties = { code: string; name: string; value: number | null; tooFewCases: boolean };

function FitToFeatures({ data }: { data: FeatureCollection }) {
  const map = useMap();
  useEffect(function fitBounds() {
    const bounds = L.geoJSON(data).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24] });
  }, [map, data]);
  return null;
}

/** Communities (or one community's grids) as a choropleth on the offline basemap: only our own boundaries. */
export function GridMap({ communityCode, metric, language, strings, onSelect }: Props) {
  const level = communityCode ? 'GRID' : 'COMMUNITY';
  const { data, loading } = useQuery<{ mapFeatures: FeatureCollection }>(MAP_FEATURES, { variables: { level, metric, communityCode } });
  const collection = data?.mapFeatures;
  const classes = useMemo(() => classify(collection?.features.map((f) => (f.properties as Properties).value) ?? []), [collection]);
  const unit = METRIC_DEFINITIONS[metric].unit;
  const renderer = useMemo(() => L.canvas(), []);
  return (
    <div className="map-frame" data-testid="grid-map" data-features={collection && !loading ? collection.features.length : 0} data-level={level}>
      <MapContainer center={[34, 112]} zoom={5} preferCanvas renderer={renderer} attributionControl={false} style={{ height: '100%', background: '#eef2f6' }}>
        {collection && (
          <>
            <GeoJSON
              key={`${level}-${communityCode}-${metric}-${language}`}
              data={collection}
              style={(feature) => ({ fillColor: colorFor((feature?.properties as Properties).value, classes), fillOpacity: 0.8, color: '#fff', weight: 1.5 })}
              onEachFeature={(feature: Feature, layer) => {
                const p = feature.properties as Properties;
                const shown = p.tooFewCases ? strings.tooFew : formatNumber(p.value, unit, language);
                layer.bindTooltip(`${p.name}<br>${strings.metrics[metric]}: ${shown}`, { sticky: true });
                layer.on('click', () => onSelect(p.code));
              }}
            />
            <FitToFeatures data={collection} />
          </>
        )}
      </MapContainer>
      <Legend title={strings.metrics[metric]} classes={classes} unit={unit} language={language} />
    </div>
  );
}
